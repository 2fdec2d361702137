package io.kubelab.kubectl.print.gotemplate;

import io.kubelab.kubectl.go.GoText;

import java.util.ArrayList;
import java.util.List;

/**
 * The parse tree of Go's {@code text/template/parse}. {@code toString()} is Go's {@code Node.String()},
 * which execution errors quote ({@code executing "output" at <.spec.x>: ...}); {@code pos} is the byte
 * offset errors turn into {@code line:column}.
 */
sealed interface TemplateNode {

    int pos();

    record ListNode(int pos, List<TemplateNode> nodes) implements TemplateNode {
        ListNode(int pos) {
            this(pos, new ArrayList<>());
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            nodes.forEach(b::append);
            return b.toString();
        }
    }

    record TextNode(int pos, String text) implements TemplateNode {
        @Override
        public String toString() {
            return GoText.quote(text);
        }
    }

    record CommentNode(int pos, String text) implements TemplateNode {
        @Override
        public String toString() {
            return "{{" + text + "}}";
        }
    }

    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
            implements TemplateNode {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    if (i > 0) {
                        b.append(", ");
                    }
                    b.append(decl.get(i));
                }
                b.append(isAssign ? " = " : " := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                if (i > 0) {
                    b.append(" | ");
                }
                b.append(cmds.get(i));
            }
            return b.toString();
        }
    }

    record ActionNode(int pos, int line, PipeNode pipe) implements TemplateNode {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    record CommandNode(int pos, List<TemplateNode> args) implements TemplateNode {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                TemplateNode arg = args.get(i);
                if (arg instanceof PipeNode) {
                    b.append('(').append(arg).append(')');
                } else {
                    b.append(arg);
                }
            }
            return b.toString();
        }
    }

    record IdentifierNode(int pos, String ident) implements TemplateNode {
        @Override
        public String toString() {
            return ident;
        }
    }

    /** {@code $x.a.b}: idents[0] is the variable name with its {@code $}. */
    record VariableNode(int pos, List<String> ident) implements TemplateNode {
        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    record DotNode(int pos) implements TemplateNode {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements TemplateNode {
        @Override
        public String toString() {
            return "nil";
        }
    }

    record FieldNode(int pos, List<String> ident) implements TemplateNode {
        @Override
        public String toString() {
            return "." + String.join(".", ident);
        }
    }

    /** {@code (pipeline).a.b} or a term followed by fields. */
    record ChainNode(int pos, TemplateNode node, List<String> field) implements TemplateNode {
        @Override
        public String toString() {
            String s = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return s + "." + String.join(".", field);
        }
    }

    record BoolNode(int pos, boolean value) implements TemplateNode {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** A number constant; {@code value} is a Long (Go int) or a Double (Go float64), as Go evaluates it. */
    record NumberNode(int pos, String text, Object value) implements TemplateNode {
        @Override
        public String toString() {
            return text;
        }
    }

    record StringNode(int pos, String quoted, String text) implements TemplateNode {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /** if, range and with: Go's BranchNode. */
    record BranchNode(String keyword, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList)
            implements TemplateNode {
        @Override
        public String toString() {
            String s = "{{" + keyword + " " + pipe + "}}" + list;
            if (elseList != null) {
                s += "{{else}}" + elseList;
            }
            return s + "{{end}}";
        }
    }

    record BreakNode(int pos, int line) implements TemplateNode {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record ContinueNode(int pos, int line) implements TemplateNode {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    record TemplateCallNode(int pos, int line, String name, PipeNode pipe) implements TemplateNode {
        @Override
        public String toString() {
            return pipe == null ? "{{template " + GoText.quote(name) + "}}"
                    : "{{template " + GoText.quote(name) + " " + pipe + "}}";
        }
    }

    /** Parser-only markers for {@code {{end}}} and {@code {{else}}}. */
    record EndNode(int pos) implements TemplateNode {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    record ElseNode(int pos, int line) implements TemplateNode {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }
}
