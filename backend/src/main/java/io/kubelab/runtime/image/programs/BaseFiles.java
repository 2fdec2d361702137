package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.ContainerFs;
import io.kubelab.runtime.image.container.Flavour;

import java.util.LinkedHashMap;
import java.util.Map;

/** The files every image of a userland has: the usual directories and {@code /etc/os-release}. */
public final class BaseFiles {

    private BaseFiles() {
    }

    public static Map<String, String> of(Flavour flavour, String osRelease) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String d : new String[] {"/bin", "/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp", "/usr", "/usr/bin",
                "/usr/local", "/usr/local/bin", "/usr/share", "/var", "/var/log", "/run", "/opt", "/mnt", "/srv", "/sbin", "/lib"}) {
            files.put(d, ContainerFs.DIRECTORY);
        }
        if (flavour == Flavour.DISTROLESS) {
            files.keySet().retainAll(java.util.Set.of("/dev", "/etc", "/proc", "/sys"));
            return files;
        }
        if (!osRelease.isEmpty()) {
            files.put("/etc/os-release", osRelease);
        }
        return files;
    }

    public static String debian(String version, String codename) {
        return "PRETTY_NAME=\"Debian GNU/Linux " + version + " (" + codename + ")\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"" + version
                + "\"\nVERSION=\"" + version + " (" + codename + ")\"\nVERSION_CODENAME=" + codename
                + "\nID=debian\nHOME_URL=\"https://www.debian.org/\"\nSUPPORT_URL=\"https://www.debian.org/support\"\nBUG_REPORT_URL=\"https://bugs.debian.org/\"\n";
    }

    public static String alpine(String version) {
        return "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=" + version + "\nPRETTY_NAME=\"Alpine Linux v" + version.substring(0, version.lastIndexOf('.'))
                + "\"\nHOME_URL=\"https://alpinelinux.org/\"\nBUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n";
    }

    public static String ubuntu(String version, String full, String codename) {
        return "PRETTY_NAME=\"Ubuntu " + full + " LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"" + version + "\"\nVERSION=\"" + full + " LTS ("
                + codename.substring(0, 1).toUpperCase() + codename.substring(1) + ")\"\nVERSION_CODENAME=" + codename
                + "\nID=ubuntu\nID_LIKE=debian\nHOME_URL=\"https://www.ubuntu.com/\"\nUBUNTU_CODENAME=" + codename + "\n";
    }
}
