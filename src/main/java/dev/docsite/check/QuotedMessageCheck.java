package dev.docsite.check;

import dev.docsite.content.BodyLines;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.Page;
import dev.docsite.report.Finding;

import static dev.docsite.check.ErrorTableChecks.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule drift/user-message: text quoted in prose (“…”, "…" or `…`) that nearly matches a catalog user message,
 * but is not it, has drifted from that message.
 */
final class QuotedMessageCheck {
    private static final Pattern STRAIGHT_QUOTE = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern CURLY_QUOTE = Pattern.compile("\u201C([^\u201D]+)\u201D");

    private QuotedMessageCheck() {}

    /** Quoted text in what writers typed that is close to a catalog message without being it. */
    static void drift(List<ProseText.Block> blocks, Page page, BodyLines lines, VersionCatalog cat, Set<String> skip, List<Finding> out) {
        Set<String> reported = new HashSet<>();
        for (ProseText.Block block : blocks) {
            List<String> quotes = new ArrayList<>();
            String text = block.text();
            if (text.indexOf('\u201C') >= 0) for (Matcher m = CURLY_QUOTE.matcher(text); m.find(); ) quotes.add(m.group(1));
            if (text.indexOf('"') >= 0) for (Matcher m = STRAIGHT_QUOTE.matcher(text); m.find(); ) quotes.add(m.group(1));
            // `code` in prose quotes as surely as quotation marks do; a listing as a whole does not.
            if (!block.listing()) quotes.addAll(block.code());
            for (String quote : quotes) {
                if (quote.strip().indexOf(' ') < 0) continue;   // one token (an id, a path): never a message
                MessageText.Text q = MessageText.Text.of(quote);
                if (q.wordCount() < MessageText.MIN_WORDS || skip.contains(q.normalized())) continue;
                String n = q.normalized();
                MessageText.Known best = null;
                double bestScore = 0;
                boolean exact = false;
                for (MessageText.Known k : cat.messages) {
                    if (k.matches(n)) { exact = true; break; }
                    double s = MessageText.similarity(q, k.text());
                    if (s > bestScore) { bestScore = s; best = k; }
                }
                if (exact || best == null || bestScore < MessageText.DRIFT_THRESHOLD) continue;
                if (!reported.add(n + "\0" + best.entry().id())) continue;
                ErrorEntry e = best.entry();
                out.add(Finding.warning(page.bodyPos(lines.lineOfPhrase(quote)), DRIFT, "quoted text \"" + quote.strip() + "\" has drifted from the user message of '"
                        + e.id() + "': \"" + e.userMessage() + "\" (" + e.posOf("user_message") + "; quote it exactly or show it with user-message::" + e.id() + "[])"));
            }
        }
    }
}
