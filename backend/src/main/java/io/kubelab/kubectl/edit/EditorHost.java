package io.kubelab.kubectl.edit;

/**
 * A workstation that can show the student an editor (the browser terminal): {@code kubectl edit} hands
 * it the file to edit. When the student saves or closes it, the host calls
 * {@link EditCommand#finish} with the text, in a fresh {@code KubectlContext} of the same session, and
 * prints what that writes; if {@code finish} returns another request (the edit failed and kubectl would
 * reopen the editor with the errors on top), the host opens that one.
 *
 * <p>A {@code Workstation} without this interface (the automation API) has no editor, and
 * {@code kubectl edit} fails as kubectl does when its editor cannot run.
 */
public interface EditorHost {

    /** Opens the editor on {@code request.text()}; false when no editor can be shown now. */
    boolean openEditor(EditRequest request);
}
