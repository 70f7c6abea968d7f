package dev.docsite.content;

import dev.docsite.rules.ContentRules;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Strict UTF-8: the first byte that is not UTF-8 is named with its offset and line. */
class Utf8Test {
    @Test void theFirstBadByteIsNamedAfterValidMultiByteText() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("caf\u00e9 \u2014 ok\n\ntwo lines on, ".getBytes(StandardCharsets.UTF_8));   // 2- and 3-byte characters
        int offset = b.size();
        b.write(0xFF);
        b.write("\nafter\n".getBytes(StandardCharsets.UTF_8));
        ContentReadException e = assertThrows(ContentReadException.class, () -> Utf8.decode(b.toByteArray()));
        assertEquals(ContentRules.ENCODING.id(), e.rule());
        assertEquals(3, e.line());
        assertEquals("the file is not UTF-8: byte 0xFF at offset " + offset
                + " cannot be decoded (expected UTF-8 text; re-save the file as UTF-8)", e.getMessage());
        assertEquals(new dev.docsite.content.SourcePos("f.yaml", 3, 0), e.problem("f.yaml").pos());
    }

    @Test void aByteOrderMarkIsNotContent() throws Exception {
        assertEquals("title: x\n", Utf8.decode("\uFEFFtitle: x\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("", Utf8.decode(new byte[0]));
    }
}
