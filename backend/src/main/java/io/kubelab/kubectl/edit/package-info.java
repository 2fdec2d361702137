/** kubectl edit: the objects in the student's editor, and the saved text applied with kubectl's rules. */
package io.kubelab.kubectl.edit;
