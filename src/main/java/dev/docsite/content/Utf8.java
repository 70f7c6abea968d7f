package dev.docsite.content;

import dev.docsite.rules.ContentRules;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: a byte sequence that is not UTF-8 is an error at its line, never a silent U+FFFD. */
public final class Utf8 {
    private Utf8() {}

    public static String decode(byte[] bytes) throws ContentReadException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer out = d.decode(in);
            String s = out.toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;   // a byte order mark is not content
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
            throw new ContentReadException(ContentRules.ENCODING.id(), line, String.format(
                    "the file is not UTF-8: byte 0x%02X at offset %d cannot be decoded (expected UTF-8 text; re-save the file as UTF-8)",
                    bytes[bad] & 0xff, bad));
        }
    }

    /** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = d.decode(in, out, true);
        return result.isError() ? Math.min(in.position(), bytes.length - 1) : 0;
    }
}
