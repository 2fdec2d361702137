package io.kubelab.kubectl.print.gotemplate;

import io.kubelab.kubectl.go.GoText;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/template/parse} lexer (Go 1.23): text, actions between {@code {{ }}} with the
 * {@code {{- }} and {@code -}}} trim markers, comments, and the tokens inside actions. Lexes the whole
 * template up front; an error becomes an {@link Kind#ERROR} token where Go's lexer would emit it.
 */
final class TemplateLexer {

    enum Kind {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM,
        LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
        // keywords
        BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH
    }

    record Token(Kind kind, int pos, String val, int line) {
        boolean isKeyword() {
            return kind.ordinal() >= Kind.BLOCK.ordinal() && kind != Kind.DOT && kind != Kind.NIL;
        }

        /** Go's {@code item.String()}, as parse errors quote tokens. */
        @Override
        public String toString() {
            if (kind == Kind.EOF) {
                return "EOF";
            }
            if (kind == Kind.ERROR) {
                return val;
            }
            if (kind.ordinal() >= Kind.BLOCK.ordinal()) {
                return "<" + val + ">";
            }
            if (val.length() > 10) {
                return GoText.quote(val.substring(0, 10)) + "...";
            }
            return GoText.quote(val);
        }
    }

    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";
    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";
    private static final int EOF = -1;

    private final String input;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int start;
    private int parenDepth;
    private int lineOffset;
    private int lineCount = 1;
    private boolean insideAction;

    private TemplateLexer(String input) {
        this.input = input;
    }

    static List<Token> lex(String input) {
        TemplateLexer l = new TemplateLexer(input);
        l.run();
        return l.tokens;
    }

    private void run() {
        boolean inside = false;
        while (true) {
            boolean ok = inside ? lexInsideAction() : lexText();
            if (!ok) {
                return;
            }
            inside = insideAction;
        }
    }

    private int next() {
        if (pos >= input.length()) {
            return EOF;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        return r;
    }

    private int peek() {
        return pos >= input.length() ? EOF : input.codePointAt(pos);
    }

    private void backup(int r) {
        if (r == EOF) {
            return;
        }
        pos -= Character.charCount(r);
    }

    private void emit(Kind kind) {
        tokens.add(new Token(kind, start, input.substring(start, pos), lineAt(start)));
        start = pos;
    }

    private void ignore() {
        start = pos;
    }

    /** Go's item line: 1 + the newlines before the item's start. */
    private int lineAt(int offset) {
        if (offset < lineOffset) {
            lineOffset = 0;
            lineCount = 1;
        }
        for (int i = lineOffset; i < offset; i++) {
            if (input.charAt(i) == '\n') {
                lineCount++;
            }
        }
        lineOffset = offset;
        return lineCount;
    }

    /** Returns false: lexing stops after an error (Go's lexer emits the error, then EOF-like nil state). */
    private boolean error(String message) {
        tokens.add(new Token(Kind.ERROR, start, message, lineAt(start)));
        return false;
    }

    private boolean lexText() {
        int x = input.indexOf(LEFT, pos);
        if (x >= 0) {
            if (x > pos) {
                pos = x;
                int trimLength = 0;
                if (hasLeftTrimMarker(pos + LEFT.length())) {
                    trimLength = rightTrimLength(input.substring(start, pos));
                }
                pos -= trimLength;
                if (pos > start) {
                    emit(Kind.TEXT);
                }
                pos += trimLength;
                ignore();
            }
            return lexLeftDelim();
        }
        pos = input.length();
        if (pos > start) {
            emit(Kind.TEXT);
        }
        tokens.add(new Token(Kind.EOF, pos, "", lineAt(pos)));
        return false;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean atRightDelim() {
        if (input.startsWith(" -" + RIGHT, pos) || input.startsWith("\t-" + RIGHT, pos)
                || input.startsWith("\r-" + RIGHT, pos) || input.startsWith("\n-" + RIGHT, pos)) {
            return true;
        }
        return input.startsWith(RIGHT, pos);
    }

    private boolean atTrimRightDelim() {
        return pos + 1 < input.length() && isSpace(input.charAt(pos)) && input.startsWith("-" + RIGHT, pos + 1);
    }

    private boolean lexLeftDelim() {
        pos += LEFT.length();
        boolean trimSpace = hasLeftTrimMarker(pos);
        int afterMarker = trimSpace ? 2 : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return lexComment();
        }
        emit(Kind.LEFT_DELIM);
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        insideAction = true;
        return true;
    }

    private boolean lexComment() {
        pos += LEFT_COMMENT.length();
        int x = input.indexOf(RIGHT_COMMENT, pos);
        if (x < 0) {
            return error("unclosed comment");
        }
        pos = x + RIGHT_COMMENT.length();
        boolean trim = atTrimRightDelim();
        int delim = trim ? 2 : 0;
        if (!input.startsWith(RIGHT, pos + delim)) {
            return error("comment ends before closing delimiter");
        }
        pos += delim + RIGHT.length();
        ignore();
        if (trim) {
            skipLeadingSpace();
        }
        insideAction = false;
        return true;
    }

    private boolean lexRightDelim() {
        boolean trim = atTrimRightDelim();
        if (trim) {
            pos += 2;
            ignore();
        }
        pos += RIGHT.length();
        emit(Kind.RIGHT_DELIM);
        if (trim) {
            skipLeadingSpace();
        }
        insideAction = false;
        return true;
    }

    private void skipLeadingSpace() {
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
        }
        ignore();
    }

    private boolean lexInsideAction() {
        if (atRightDelim() && (atTrimRightDelim() || input.startsWith(RIGHT, pos))) {
            if (parenDepth == 0) {
                return lexRightDelim();
            }
            return error("unclosed left paren");
        }
        int r = next();
        if (r == EOF) {
            return error("unclosed action");
        }
        if (isSpace(r)) {
            backup(r);
            return lexSpace();
        }
        switch (r) {
            case '=' -> emit(Kind.ASSIGN);
            case ':' -> {
                if (next() != '=') {
                    return error("expected :=");
                }
                emit(Kind.DECLARE);
            }
            case '|' -> emit(Kind.PIPE);
            case '"' -> {
                return lexQuote();
            }
            case '`' -> {
                return lexRawQuote();
            }
            case '$' -> {
                return lexFieldOrVariable(Kind.VARIABLE);
            }
            case '\'' -> {
                return lexChar();
            }
            case '.' -> {
                if (pos < input.length() && input.charAt(pos) >= '0' && input.charAt(pos) <= '9') {
                    backup(r);
                    return lexNumber();
                }
                return lexFieldOrVariable(Kind.FIELD);
            }
            case '(' -> {
                emit(Kind.LEFT_PAREN);
                parenDepth++;
            }
            case ')' -> {
                parenDepth--;
                if (parenDepth < 0) {
                    return error("unexpected right paren");
                }
                emit(Kind.RIGHT_PAREN);
            }
            default -> {
                if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
                    backup(r);
                    return lexNumber();
                }
                if (isAlphaNumeric(r)) {
                    backup(r);
                    return lexIdentifier();
                }
                if (r <= 0x7f && r >= 0x20 && r != 0x7f) {
                    emit(Kind.CHAR);
                } else {
                    return error("unrecognized character in action: " + GoText.unicodeFormat(r));
                }
            }
        }
        return true;
    }

    private boolean lexSpace() {
        int numSpaces = 0;
        while (true) {
            int r = peek();
            if (!isSpace(r)) {
                break;
            }
            next();
            numSpaces++;
        }
        // Be careful about a trim-marked closing delimiter, which has a minus after a space.
        if (input.startsWith("-" + RIGHT, pos) && numSpaces > 0) {
            backup(input.charAt(pos - 1));
            if (numSpaces == 1) {
                return true;
            }
        }
        emit(Kind.SPACE);
        return true;
    }

    private boolean lexIdentifier() {
        while (true) {
            int r = next();
            if (!isAlphaNumeric(r)) {
                backup(r);
                break;
            }
        }
        if (!atTerminator()) {
            return error("bad character " + GoText.unicodeFormat(peek()));
        }
        String word = input.substring(start, pos);
        Kind kind = switch (word) {
            case "block" -> Kind.BLOCK;
            case "break" -> Kind.BREAK;
            case "continue" -> Kind.CONTINUE;
            case "define" -> Kind.DEFINE;
            case "else" -> Kind.ELSE;
            case "end" -> Kind.END;
            case "if" -> Kind.IF;
            case "range" -> Kind.RANGE;
            case "nil" -> Kind.NIL;
            case "template" -> Kind.TEMPLATE;
            case "with" -> Kind.WITH;
            case "true", "false" -> Kind.BOOL;
            default -> Kind.IDENTIFIER;
        };
        emit(kind);
        return true;
    }

    private boolean lexFieldOrVariable(Kind kind) {
        if (atTerminator()) {
            emit(kind == Kind.VARIABLE ? Kind.VARIABLE : Kind.DOT);
            return true;
        }
        while (true) {
            int r = next();
            if (!isAlphaNumeric(r)) {
                backup(r);
                break;
            }
        }
        if (!atTerminator()) {
            return error("bad character " + GoText.unicodeFormat(peek()));
        }
        emit(kind);
        return true;
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF, '.', ',', '|', ':', ')', '(' -> {
                return true;
            }
            default -> {
                return input.startsWith(RIGHT, pos);
            }
        }
    }

    private boolean lexChar() {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF && r != '\n') {
                    continue;
                }
            }
            if (r == EOF || r == '\n') {
                return error("unterminated character constant");
            }
            if (r == '\'') {
                break;
            }
        }
        emit(Kind.CHAR_CONSTANT);
        return true;
    }

    private boolean lexNumber() {
        if (!scanNumber()) {
            return error("bad number syntax: " + GoText.quote(input.substring(start, pos)));
        }
        emit(Kind.NUMBER);
        return true;
    }

    private boolean scanNumber() {
        if (peek() == '+' || peek() == '-') {
            next();
        }
        String digits = "0123456789_";
        if (peek() == '0') {
            next();
            int p = peek();
            if (p == 'x' || p == 'X') {
                next();
                digits = "0123456789abcdefABCDEF_";
            } else if (p == 'o' || p == 'O') {
                next();
                digits = "01234567_";
            } else if (p == 'b' || p == 'B') {
                next();
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (peek() == '.') {
            next();
            acceptRun(digits);
        }
        if (digits.length() == 11 && (peek() == 'e' || peek() == 'E')) {
            next();
            if (peek() == '+' || peek() == '-') {
                next();
            }
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && (peek() == 'p' || peek() == 'P')) {
            next();
            if (peek() == '+' || peek() == '-') {
                next();
            }
            acceptRun("0123456789_");
        }
        if (peek() == 'i') {
            next();
        }
        int r = peek();
        if (r != EOF && isAlphaNumeric(r)) {
            next();
            return false;
        }
        return true;
    }

    private void acceptRun(String valid) {
        while (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private boolean lexQuote() {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF && r != '\n') {
                    continue;
                }
            }
            if (r == EOF || r == '\n') {
                return error("unterminated quoted string");
            }
            if (r == '"') {
                break;
            }
        }
        emit(Kind.STRING);
        return true;
    }

    private boolean lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return error("unterminated raw quoted string");
            }
            if (r == '`') {
                break;
            }
        }
        emit(Kind.RAW_STRING);
        return true;
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || Character.isLetter(r) || Character.isDigit(r);
    }

    private static int rightTrimLength(String s) {
        int n = s.length();
        int i = n;
        while (i > 0 && isSpace(s.charAt(i - 1))) {
            i--;
        }
        return n - i;
    }
}
