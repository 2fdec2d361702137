package io.kubelab.shell;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** GNU {@code base64}: 76-column lines (or {@code -w N}, {@code -w 0}), {@code -d} with its "invalid input". */
final class Base64Command {

    /** GNU base64's default line width. */
    static final int BASE64_WRAP = 76;

    private Base64Command() {
    }

    static CommandResult base64(Shell shell, List<String> args, String stdin) {
        Options o = Options.parse("base64", args, "w", false);
        if (o.error != null) {
            return CommandResult.failure(o.error, 1);
        }
        StringBuilder err = new StringBuilder();
        List<Inputs.Source> sources = Inputs.read(shell, o.operands.isEmpty() ? List.of() : o.operands.subList(0, 1),
                stdin, "base64", Inputs.Style.PLAIN, err);
        if (err.length() > 0) {
            return CommandResult.failure(err.toString(), 1);
        }
        String text = Inputs.joined(sources);
        if (o.has('d') || o.hasLong("decode")) {
            return decode(text, o.has('i'));
        }
        int wrap;
        try {
            wrap = Integer.parseInt(o.value('w', Integer.toString(BASE64_WRAP)));
        } catch (NumberFormatException e) {
            return CommandResult.failure("base64: invalid wrap size: \u2018" + o.value('w', "") + "\u2019\n", 1);
        }
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        if (encoded.isEmpty()) {
            return CommandResult.empty();
        }
        StringBuilder out = new StringBuilder();
        if (wrap <= 0) {
            out.append(encoded);
        } else {
            for (int i = 0; i < encoded.length(); i += wrap) {
                out.append(encoded, i, Math.min(encoded.length(), i + wrap)).append('\n');
            }
        }
        return CommandResult.ok(out.toString());
    }

    /** Decodes four characters at a time, as GNU does, printing what came before an invalid group. */
    private static CommandResult decode(String text, boolean ignoreGarbage) {
        StringBuilder clean = new StringBuilder();
        boolean invalid = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                continue;
            }
            boolean alphabet = Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=';
            if (!alphabet) {
                if (ignoreGarbage) {
                    continue;
                }
                invalid = true;
                break;
            }
            clean.append(c);
        }
        int whole = clean.length() / 4 * 4;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < whole; i += 4) {
            try {
                bytes.writeBytes(Base64.getDecoder().decode(clean.substring(i, i + 4)));
            } catch (IllegalArgumentException e) {
                invalid = true;
                break;
            }
        }
        if (whole < clean.length()) {
            String rest = clean.substring(whole);
            if (rest.length() >= 2) {
                try {
                    bytes.writeBytes(Base64.getDecoder().decode(rest + "=".repeat(4 - rest.length())));
                } catch (IllegalArgumentException e) {
                    // GNU prints nothing more for a malformed last group either
                }
            }
            invalid = true;
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        return invalid ? new CommandResult(out, "base64: invalid input\n", 1) : CommandResult.ok(out);
    }
}
