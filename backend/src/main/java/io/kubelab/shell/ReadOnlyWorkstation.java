package io.kubelab.shell;

import io.kubelab.kubectl.Workstation;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The shell's current machine as kubectl's completion sees it: it reads the kubeconfig, never writes. */
record ReadOnlyWorkstation(Sessions.Session session) implements Workstation {

    @Override
    public Optional<String> read(String path) {
        return session.files.read(Paths.resolve(session, path));
    }

    @Override
    public boolean isDirectory(String path) {
        return session.files.isDirectory(Paths.resolve(session, path));
    }

    @Override
    public List<String> list(String path) {
        return session.files.children(Paths.resolve(session, path));
    }

    @Override
    public void write(String path, String content) throws IOException {
        throw new IOException("completion does not write files");
    }

    @Override
    public String env(String name) {
        return session.env.get(name);
    }

    @Override
    public String home() {
        return session.home;
    }
}
