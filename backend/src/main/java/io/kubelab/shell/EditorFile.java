package io.kubelab.shell;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A file open in the browser terminal's editor: what {@code vi FILE} or {@code kubectl edit} showed, and
 * what saving or quitting it does. Its owner calls {@link #save} or {@link #quit} under the sandbox's lock,
 * as it runs commands.
 */
public final class EditorFile {

    /** What the terminal shows after saving or quitting; {@code reopen}, when not null, is shown next. */
    public record Closed(CommandResult result, EditorFile reopen) {
    }

    private final String title;
    private final String text;
    private final Function<String, Closed> onSave;
    private final Supplier<Closed> onQuit;

    EditorFile(String title, String text, Function<String, Closed> onSave, Supplier<Closed> onQuit) {
        this.title = title;
        this.text = text;
        this.onSave = onSave;
        this.onQuit = onQuit;
    }

    /** The editor's title: the command that opened it, e.g. {@code vi /home/student/pod.yaml}. */
    public String title() {
        return title;
    }

    /** The text the editor opens with. */
    public String text() {
        return text;
    }

    /** The student saved {@code edited} and closed the editor ({@code :wq}). */
    public Closed save(String edited) {
        return onSave.apply(edited == null ? "" : edited);
    }

    /** The student closed the editor without saving ({@code :q!}). */
    public Closed quit() {
        return onQuit.get();
    }

    /**
     * {@code vi PATH} on {@code session}'s machine: saving writes the file as a redirection would, with its
     * limits; an error keeps the editor open on the student's text, with the complaint below it.
     */
    static EditorFile file(Sessions.Session session, String editor, String typed, String path) {
        return file(session, editor, typed, path, session.files.read(path).orElse(""));
    }

    private static EditorFile file(Sessions.Session session, String editor, String typed, String path, String text) {
        return new EditorFile(editor + " " + path, text, edited -> {
            // vim and nano end the last line when they write, as POSIX text files do.
            String problem = write(session.files, typed, path,
                    edited.isEmpty() || edited.endsWith("\n") ? edited : edited + "\n");
            return problem == null ? new Closed(CommandResult.empty(), null)
                    : new Closed(CommandResult.failure(editor + ": " + problem, 1),
                            file(session, editor, typed, path, edited));
        }, () -> new Closed(CommandResult.empty(), null));
    }

    /** Writes {@code path}; the complaint ({@code notes.txt: No such file or directory}) if it cannot. */
    private static String write(MachineFiles files, String typed, String path, String text) {
        if (files.isDirectory(path)) {
            return typed + ": Is a directory\n";
        }
        if (!files.isDirectory(io.kubelab.cluster.NodeFiles.parent(path))) {
            return typed + ": No such file or directory\n";
        }
        try {
            files.write(path, text);
            return null;
        } catch (IllegalArgumentException e) {
            return typed + ": " + e.getMessage() + "\n";
        }
    }
}
