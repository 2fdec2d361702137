package io.kubelab.tenancy;

import io.kubelab.shell.CommandResult;

/**
 * What the browser terminal gets for a line, a save or a quit: the output, and the editor to show when the
 * line ({@code vi FILE}, {@code kubectl edit}) or a failed save (kubectl's next round) opened one.
 */
public record TerminalResult(CommandResult result, Editor editor) {

    /** An editor to show: {@code id} names it in the save or quit that closes it. */
    public record Editor(String id, String title, String text) {
    }
}
