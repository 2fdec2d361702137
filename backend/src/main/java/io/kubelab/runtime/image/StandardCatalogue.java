package io.kubelab.runtime.image;

import io.kubelab.runtime.image.container.ContainerFs;
import io.kubelab.runtime.image.container.Flavour;
import io.kubelab.runtime.image.programs.BaseFiles;
import io.kubelab.runtime.image.programs.ImageConfig;
import io.kubelab.runtime.image.programs.ImageConfig.Binary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images a course uses, with the tags, sizes, entrypoints, environment and files of the real ones (as
 * of late 2024, when Kubernetes 1.32 came out). See {@code docs/images.md} for the list and how to add one.
 */
public final class StandardCatalogue {

    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final String BOOKWORM = BaseFiles.debian("12", "bookworm");
    private static final String ALPINE = BaseFiles.alpine("3.21.0");

    public static final Map<String, Repository> REPOSITORIES = build();

    private StandardCatalogue() {
    }

    private static Map<String, Repository> build() {
        Map<String, Repository> repos = new HashMap<>();
        for (Repository r : List.of(nginx(), httpd(), redis(), postgres(), mysql(), busybox(), alpine(), ubuntu(), debian(),
                python(), node(), perl(), curl(), pause(), httpEcho(), stress(), agnhost(), etcd(), coredns(),
                component("kube-apiserver", 28_700_000), component("kube-controller-manager", 26_300_000),
                component("kube-scheduler", 20_700_000), component("kube-proxy", 30_900_000), metricsServer(), hpaExample())) {
            repos.put(r.name(), r);
        }
        return Map.copyOf(repos);
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PATH", PATH);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, String> files(Flavour f, String osRelease, String... pairs) {
        Map<String, String> m = BaseFiles.of(f, osRelease);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static String resource(String name) {
        try (InputStream in = StandardCatalogue.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource images/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Repository nginx() {
        Repository.Builder b = Repository.named("docker.io/library/nginx");
        String[][] versions = {
            {"1.27.3", "1.27", "mainline", "1", "latest"}, {"1.26.2", "1.26", "stable"}, {"1.25.5", "1.25"},
            {"1.24.0", "1.24"}, {"1.23.4", "1.23"}, {"1.22.1", "1.22"}, {"1.21.6", "1.21"}, {"1.20.2", "1.20"},
            {"1.19.10", "1.19"}, {"1.16.1", "1.16"}, {"1.14.2", "1.14"},
        };
        long size = 72_099_501;
        for (String[] v : versions) {
            String version = v[0];
            boolean legacyPage = compare(version, "1.23") < 0;
            for (boolean alpine : new boolean[] {false, true}) {
                if (alpine && compare(version, "1.25") < 0) {
                    continue;
                }
                Flavour f = alpine ? Flavour.BUSYBOX : Flavour.DEBIAN;
                ImageConfig cfg = new ImageConfig(version, List.of("/docker-entrypoint.sh"), List.of("nginx", "-g", "daemon off;"),
                        env("NGINX_VERSION", version, "NJS_VERSION", "0.8.7", "NJS_RELEASE", alpine ? "1" : "1~bookworm",
                                "PKG_RELEASE", alpine ? "1" : "1~bookworm", "DYNPKG_RELEASE", alpine ? "1" : "1~bookworm"),
                        "", List.of(80), f,
                        Map.of("docker-entrypoint.sh", compare(version, "1.19") < 0 ? Binary.NGINX : Binary.NGINX_ENTRYPOINT, "nginx", Binary.NGINX),
                        alpine ? Set.of("curl", "curl@8.11.1", "wget", "nslookup", "nc") : Set.of("curl", "curl@7.88.1"),
                        files(f, alpine ? ALPINE : BOOKWORM,
                                "/usr/share/nginx", ContainerFs.DIRECTORY, "/usr/share/nginx/html", ContainerFs.DIRECTORY,
                                "/usr/share/nginx/html/index.html", resource(legacyPage ? "nginx/index-legacy.html" : "nginx/index.html"),
                                "/usr/share/nginx/html/50x.html", resource("nginx/50x.html"),
                                "/etc/nginx", ContainerFs.DIRECTORY, "/etc/nginx/conf.d", ContainerFs.DIRECTORY,
                                "/etc/nginx/nginx.conf", resource("nginx/nginx.conf"),
                                "/etc/nginx/conf.d/default.conf", resource("nginx/default.conf"),
                                "/docker-entrypoint.d", ContainerFs.DIRECTORY, "/var/log/nginx", ContainerFs.DIRECTORY),
                        5_200_000);
                String[] tags = new String[v.length];
                for (int i = 0; i < v.length; i++) {
                    tags[i] = alpine ? (v[i].equals("latest") ? "alpine" : v[i] + "-alpine") : v[i];
                }
                b.image(alpine ? 20_456_000 : size, cfg, tags);
            }
            size -= 1_700_000;
        }
        return b.build();
    }

    /** Orders dotted versions numerically ({@code 1.9 < 1.19}). */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static Repository httpd() {
        Repository.Builder b = Repository.named("docker.io/library/httpd");
        for (boolean alpine : new boolean[] {false, true}) {
            Flavour f = alpine ? Flavour.BUSYBOX : Flavour.DEBIAN;
            ImageConfig cfg = new ImageConfig("2.4.62", List.of(), List.of("httpd-foreground"),
                    env("PATH", "/usr/local/apache2/bin:" + PATH, "HTTPD_PREFIX", "/usr/local/apache2", "HTTPD_VERSION", "2.4.62",
                            "HTTPD_SHA256", "674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec", "HTTPD_PATCHES", ""),
                    "/usr/local/apache2", List.of(80), f, Map.of("httpd-foreground", Binary.HTTPD, "httpd", Binary.HTTPD),
                    alpine ? Set.of("wget", "nslookup", "nc") : Set.of(),
                    files(f, alpine ? ALPINE : BOOKWORM, "/usr/local/apache2", ContainerFs.DIRECTORY,
                            "/usr/local/apache2/htdocs", ContainerFs.DIRECTORY, "/usr/local/apache2/htdocs/index.html", resource("httpd/index.html")),
                    9_300_000);
            if (alpine) {
                b.image(21_300_000, cfg, "2.4.62-alpine", "2.4-alpine", "2-alpine", "alpine");
            } else {
                b.image(58_190_000, cfg, "2.4.62", "2.4", "2", "latest");
            }
        }
        return b.build();
    }

    private static Repository redis() {
        Repository.Builder b = Repository.named("docker.io/library/redis");
        String[][] versions = {{"7.4.1", "7.4", "7", "latest"}, {"7.2.6", "7.2"}, {"7.0.15", "7.0"}, {"6.2.16", "6.2", "6"}};
        for (String[] v : versions) {
            for (boolean alpine : new boolean[] {false, true}) {
                Flavour f = alpine ? Flavour.BUSYBOX : Flavour.DEBIAN;
                ImageConfig cfg = new ImageConfig(v[0], List.of("docker-entrypoint.sh"), List.of("redis-server"),
                        env("GOSU_VERSION", "1.17", "REDIS_VERSION", v[0]), "/data", List.of(6379), f,
                        Map.of("docker-entrypoint.sh", Binary.REDIS_ENTRYPOINT, "redis-server", Binary.REDIS),
                        alpine ? Set.of("wget", "nslookup", "nc") : Set.of(), files(f, alpine ? ALPINE : BOOKWORM, "/data", ContainerFs.DIRECTORY),
                        3_600_000);
                String[] tags = v.clone();
                for (int i = 0; i < tags.length; i++) {
                    tags[i] = alpine ? (tags[i].equals("latest") ? "alpine" : tags[i] + "-alpine") : tags[i];
                }
                b.image(alpine ? 17_200_000 : 45_900_000, cfg, tags);
            }
        }
        return b.build();
    }

    private static Repository postgres() {
        Repository.Builder b = Repository.named("docker.io/library/postgres");
        String[][] versions = {{"17.2", "17", "latest"}, {"16.6", "16"}, {"15.10", "15"}, {"14.15", "14"}, {"13.18", "13"}};
        for (String[] v : versions) {
            for (boolean alpine : new boolean[] {false, true}) {
                Flavour f = alpine ? Flavour.BUSYBOX : Flavour.DEBIAN;
                String major = v[0].split("\\.")[0];
                ImageConfig cfg = new ImageConfig(v[0], List.of("docker-entrypoint.sh"), List.of("postgres"),
                        env("PATH", PATH + ":/usr/lib/postgresql/" + major + "/bin", "GOSU_VERSION", "1.17", "LANG", "en_US.utf8",
                                "PG_MAJOR", major, "PG_VERSION", v[0] + (alpine ? "" : "-1.pgdg120+1"), "PGDATA", "/var/lib/postgresql/data"),
                        "", List.of(5432), f, Map.of("docker-entrypoint.sh", Binary.POSTGRES_ENTRYPOINT, "postgres", Binary.POSTGRES),
                        alpine ? Set.of("wget", "nslookup", "nc") : Set.of(),
                        files(f, alpine ? ALPINE : BOOKWORM, "/var/lib/postgresql", ContainerFs.DIRECTORY,
                                "/var/lib/postgresql/data", ContainerFs.DIRECTORY), 38_000_000);
                String[] tags = v.clone();
                for (int i = 0; i < tags.length; i++) {
                    tags[i] = alpine ? (tags[i].equals("latest") ? "alpine" : tags[i] + "-alpine") : tags[i];
                }
                b.image(alpine ? 104_800_000 : 158_500_000, cfg, tags);
            }
        }
        return b.build();
    }

    private static Repository mysql() {
        Repository.Builder b = Repository.named("docker.io/library/mysql");
        String[][] versions = {{"9.1.0", "9.1", "9", "innovation", "latest"}, {"8.4.3", "8.4", "8", "lts"}, {"8.0.40", "8.0"}};
        for (String[] v : versions) {
            ImageConfig cfg = new ImageConfig(v[0], List.of("docker-entrypoint.sh"), List.of("mysqld"),
                    env("GOSU_VERSION", "1.17", "MYSQL_MAJOR", v[1].equals("9.1") ? "innovation" : v[1], "MYSQL_VERSION", v[0] + "-1.el9",
                            "MYSQL_SHELL_VERSION", v[0] + "-1.el9"),
                    "", List.of(3306, 33060), Flavour.REDHAT,
                    Map.of("docker-entrypoint.sh", Binary.MYSQL_ENTRYPOINT, "mysqld", Binary.MYSQL), Set.of(),
                    files(Flavour.REDHAT, "NAME=\"Oracle Linux Server\"\nVERSION=\"9.5\"\nID=\"ol\"\nVERSION_ID=\"9.5\"\nPRETTY_NAME=\"Oracle Linux Server 9.5\"\n",
                            "/var/lib/mysql", ContainerFs.DIRECTORY), 420_000_000);
            b.image(v[0].startsWith("8.0") ? 165_600_000 : 171_200_000, cfg, v);
        }
        return b.build();
    }

    private static ImageConfig os(String version, Flavour f, List<String> cmd, String osRelease, Set<String> tools, long memory) {
        return new ImageConfig(version, List.of(), cmd, env(), "", List.of(), f, Map.of(), tools, files(f, osRelease), memory);
    }

    private static Repository busybox() {
        Set<String> tools = Set.of("wget", "nslookup", "nc");
        return Repository.named("docker.io/library/busybox")
                .image(2_166_000, os("1.37.0", Flavour.BUSYBOX, List.of("sh"), "", tools, 300_000), "1.37.0", "1.37", "1", "latest", "stable", "musl")
                .image(2_155_000, os("1.36.1", Flavour.BUSYBOX, List.of("sh"), "", tools, 300_000), "1.36.1", "1.36")
                .image(2_150_000, os("1.35.0", Flavour.BUSYBOX, List.of("sh"), "", tools, 300_000), "1.35.0", "1.35")
                .image(2_220_000, os("1.34.1", Flavour.BUSYBOX, List.of("sh"), "", tools, 300_000), "1.34.1", "1.34")
                .image(727_000, os("1.28.4", Flavour.BUSYBOX, List.of("sh"), "", tools, 300_000), "1.28.4", "1.28")
                .build();
    }

    private static Repository alpine() {
        Set<String> tools = Set.of("wget", "nslookup", "nc");
        return Repository.named("docker.io/library/alpine")
                .image(3_640_000, os("3.21.0", Flavour.BUSYBOX, List.of("/bin/sh"), ALPINE, tools, 400_000), "3.21.0", "3.21", "3", "latest")
                .image(3_630_000, os("3.20.3", Flavour.BUSYBOX, List.of("/bin/sh"), BaseFiles.alpine("3.20.3"), tools, 400_000), "3.20.3", "3.20")
                .image(3_420_000, os("3.19.4", Flavour.BUSYBOX, List.of("/bin/sh"), BaseFiles.alpine("3.19.4"), tools, 400_000), "3.19.4", "3.19")
                .image(3_410_000, os("3.18.9", Flavour.BUSYBOX, List.of("/bin/sh"), BaseFiles.alpine("3.18.9"), tools, 400_000), "3.18.9", "3.18")
                .build();
    }

    private static Repository ubuntu() {
        return Repository.named("docker.io/library/ubuntu")
                .image(29_750_000, os("24.04", Flavour.DEBIAN, List.of("/bin/bash"), BaseFiles.ubuntu("24.04", "24.04.1", "noble"), Set.of(), 900_000),
                        "24.04", "noble", "latest", "rolling")
                .image(29_540_000, os("22.04", Flavour.DEBIAN, List.of("/bin/bash"), BaseFiles.ubuntu("22.04", "22.04.5", "jammy"), Set.of(), 900_000),
                        "22.04", "jammy")
                .image(27_510_000, os("20.04", Flavour.DEBIAN, List.of("/bin/bash"), BaseFiles.ubuntu("20.04", "20.04.6", "focal"), Set.of(), 900_000),
                        "20.04", "focal")
                .build();
    }

    private static Repository debian() {
        return Repository.named("docker.io/library/debian")
                .image(48_490_000, os("12.8", Flavour.DEBIAN, List.of("bash"), BOOKWORM, Set.of(), 900_000), "12.8", "12", "bookworm", "latest")
                .image(28_230_000, os("12.8", Flavour.DEBIAN, List.of("bash"), BOOKWORM, Set.of(), 900_000), "12.8-slim", "12-slim", "bookworm-slim", "stable-slim")
                .image(53_740_000, os("11.11", Flavour.DEBIAN, List.of("bash"), BaseFiles.debian("11", "bullseye"), Set.of(), 900_000), "11.11", "11", "bullseye")
                .build();
    }

    private static Repository python() {
        Repository.Builder b = Repository.named("docker.io/library/python");
        String[][] versions = {{"3.13.1", "3.13", "3", "latest"}, {"3.12.8", "3.12"}, {"3.11.11", "3.11"}};
        for (String[] v : versions) {
            for (String variant : new String[] {"", "slim", "alpine"}) {
                Flavour f = variant.equals("alpine") ? Flavour.BUSYBOX : Flavour.DEBIAN;
                Set<String> tools = switch (variant) {
                    case "" -> Set.of("python", "python3", "curl", "curl@7.88.1", "wget", "perl");
                    case "slim" -> Set.of("python", "python3", "perl");
                    default -> Set.of("python", "python3", "wget", "nslookup", "nc");
                };
                ImageConfig cfg = new ImageConfig(v[0], List.of(), List.of("python3"),
                        env("PATH", "/usr/local/bin:" + PATH, "LANG", "C.UTF-8", "GPG_KEY", "7169605F62C751356D054A26A821E680E5FA6305",
                                "PYTHON_VERSION", v[0], "PYTHON_SHA256", "9cf9427bee9e2242e3877dd0f6b641c1853ca461f39d6503ce260a59c80bf0d9"),
                        "", List.of(), f, Map.of(), tools, files(f, f == Flavour.BUSYBOX ? ALPINE : BOOKWORM), 9_000_000);
                String[] tags = v.clone();
                for (int i = 0; i < tags.length; i++) {
                    tags[i] = variant.isEmpty() ? tags[i] : tags[i].equals("latest") ? variant : tags[i] + "-" + variant;
                }
                b.image(switch (variant) {
                    case "" -> 412_300_000;
                    case "slim" -> 41_200_000;
                    default -> 17_600_000;
                }, cfg, tags);
            }
        }
        return b.build();
    }

    private static Repository node() {
        Repository.Builder b = Repository.named("docker.io/library/node");
        String[][] versions = {{"22.12.0", "22", "lts", "jod", "latest"}, {"20.18.1", "20", "iron"}, {"18.20.5", "18", "hydrogen"}};
        for (String[] v : versions) {
            for (boolean alpine : new boolean[] {false, true}) {
                Flavour f = alpine ? Flavour.BUSYBOX : Flavour.DEBIAN;
                ImageConfig cfg = new ImageConfig(v[0], List.of("docker-entrypoint.sh"), List.of("node"),
                        env("NODE_VERSION", v[0], "YARN_VERSION", "1.22.22"), "", List.of(), f,
                        Map.of("docker-entrypoint.sh", Binary.EXEC_ENTRYPOINT),
                        alpine ? Set.of("node", "wget", "nslookup", "nc") : Set.of("node", "curl", "curl@7.88.1", "wget", "perl"),
                        files(f, alpine ? ALPINE : BOOKWORM), 40_000_000);
                String[] tags = v.clone();
                for (int i = 0; i < tags.length; i++) {
                    tags[i] = alpine ? (tags[i].equals("latest") ? "alpine" : tags[i] + "-alpine") : tags[i];
                }
                b.image(alpine ? 55_400_000 : 398_700_000, cfg, tags);
            }
        }
        return b.build();
    }

    private static Repository perl() {
        Repository.Builder b = Repository.named("docker.io/library/perl");
        String[][] versions = {{"5.40.0", "5.40", "5", "latest"}, {"5.38.2", "5.38"}, {"5.36.3", "5.36"}, {"5.34.0", "5.34"}};
        for (String[] v : versions) {
            ImageConfig cfg = new ImageConfig(v[0], List.of(), List.of("perl" + v[0], "-de0"), env(), "", List.of(), Flavour.DEBIAN,
                    Map.of(), Set.of("perl", "perl" + v[0], "curl", "curl@7.88.1", "wget"), files(Flavour.DEBIAN, BOOKWORM), 6_000_000);
            b.image(v[0].equals("5.34.0") ? 326_100_000 : 341_800_000, cfg, v);
        }
        return b.build();
    }

    private static Repository curl() {
        Repository.Builder b = Repository.named("docker.io/curlimages/curl");
        for (String[] v : new String[][] {{"8.11.1", "latest"}, {"8.10.1"}, {"8.5.0"}, {"7.85.0"}}) {
            ImageConfig cfg = new ImageConfig(v[0], List.of("/entrypoint.sh"), List.of("curl"), env("CURL_CA_BUNDLE", "/cacert.pem"),
                    "/home/curl_user", List.of(), Flavour.BUSYBOX, Map.of("entrypoint.sh", Binary.EXEC_ENTRYPOINT),
                    Set.of("curl", "curl@" + v[0], "wget", "nslookup", "nc"),
                    files(Flavour.BUSYBOX, ALPINE, "/home/curl_user", ContainerFs.DIRECTORY), 1_500_000);
            b.image(10_050_000, cfg, v);
        }
        return b.build();
    }

    private static Repository pause() {
        Repository.Builder b = Repository.named("registry.k8s.io/pause");
        for (String[] v : new String[][] {{"3.10"}, {"3.9"}, {"3.8"}, {"3.7"}, {"3.6"}, {"latest"}}) {
            ImageConfig cfg = new ImageConfig(v[0], List.of("/pause"), List.of(), Map.of(), "", List.of(), Flavour.DISTROLESS,
                    Map.of("pause", Binary.PAUSE), Set.of(), files(Flavour.DISTROLESS, ""), 240_000);
            b.image(v[0].equals("3.10") ? 320_368 : 321_520, cfg, v);
        }
        return b.build();
    }

    private static Repository httpEcho() {
        Repository.Builder b = Repository.named("docker.io/hashicorp/http-echo");
        for (String[] v : new String[][] {{"1.0.0", "1.0", "latest"}, {"0.2.3"}}) {
            ImageConfig cfg = new ImageConfig(v[0], List.of("/http-echo"), List.of(), Map.of(), "", List.of(5678), Flavour.DISTROLESS,
                    Map.of("http-echo", Binary.HTTP_ECHO), Set.of(), files(Flavour.DISTROLESS, ""), 2_900_000);
            b.image(v[0].equals("0.2.3") ? 2_860_000 : 4_930_000, cfg, v);
        }
        return b.build();
    }

    private static Repository stress() {
        ImageConfig cfg = new ImageConfig("1.0.4", List.of(), List.of("stress"), env(), "", List.of(), Flavour.BUSYBOX,
                Map.of("stress", Binary.STRESS), Set.of("wget", "nslookup"), files(Flavour.BUSYBOX, BaseFiles.alpine("3.6.2")), 1_000_000);
        return Repository.named("docker.io/polinux/stress").image(4_040_000, cfg, "1.0.4", "latest").build();
    }

    private static Repository agnhost() {
        Repository.Builder b = Repository.named("registry.k8s.io/e2e-test-images/agnhost");
        for (String v : new String[] {"2.53", "2.52", "2.47", "2.40", "2.39"}) {
            ImageConfig cfg = new ImageConfig(v, List.of("/agnhost"), List.of(), env(), "", List.of(), Flavour.BUSYBOX,
                    Map.of("agnhost", Binary.AGNHOST), Set.of("wget", "nslookup", "nc", "curl", "curl@8.5.0"),
                    files(Flavour.BUSYBOX, ALPINE), 9_500_000);
            b.image(v.compareTo("2.47") >= 0 ? 53_900_000 : 51_200_000, cfg, v);
        }
        return b.build();
    }

    /** A Kubernetes component image as kubeadm 1.32 pulls it: the binary at /usr/local/bin, nothing else. */
    private static Repository component(String name, long size) {
        ImageConfig cfg = new ImageConfig("v1.32.2", List.of("/usr/local/bin/" + name), List.of(), Map.of(), "", List.of(),
                Flavour.DISTROLESS, Map.of(name, Binary.CLUSTER_COMPONENT), Set.of(), files(Flavour.DISTROLESS, ""), 40_000_000);
        return Repository.named("registry.k8s.io/" + name).image(size, cfg, "v1.32.2").build();
    }

    private static Repository etcd() {
        ImageConfig cfg = new ImageConfig("3.5.16", List.of("/usr/local/bin/etcd"), List.of(), Map.of(), "", List.of(2379, 2380),
                Flavour.DISTROLESS, Map.of("etcd", Binary.CLUSTER_COMPONENT), Set.of(), files(Flavour.DISTROLESS, ""), 60_000_000);
        return Repository.named("registry.k8s.io/etcd").image(57_680_000, cfg, "3.5.16-0").build();
    }

    private static Repository coredns() {
        ImageConfig cfg = new ImageConfig("1.11.3", List.of("/coredns"), List.of(), Map.of(), "", List.of(53),
                Flavour.DISTROLESS, Map.of("coredns", Binary.CLUSTER_COMPONENT), Set.of(), files(Flavour.DISTROLESS, ""), 15_000_000);
        return Repository.named("registry.k8s.io/coredns/coredns").image(18_562_000, cfg, "v1.11.3").build();
    }

    /** metrics-server as its components.yaml installs it (distroless, the binary at /metrics-server). */
    private static Repository metricsServer() {
        ImageConfig cfg = new ImageConfig("v0.7.2", List.of("/metrics-server"), List.of(), Map.of(), "", List.of(),
                Flavour.DISTROLESS, Map.of("metrics-server", Binary.CLUSTER_COMPONENT), Set.of(), files(Flavour.DISTROLESS, ""),
                20_000_000);
        return Repository.named("registry.k8s.io/metrics-server/metrics-server").image(19_494_617, cfg, "v0.7.2").build();
    }

    /**
     * The HPA walkthrough's php-apache: {@code php:5-apache} (Debian stretch) with an index.php that burns CPU
     * and prints OK!.
     */
    private static Repository hpaExample() {
        ImageConfig cfg = new ImageConfig("5.6.40", List.of("docker-php-entrypoint"), List.of("apache2-foreground"),
                env("PHPIZE_DEPS", "autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c", "PHP_INI_DIR",
                        "/usr/local/etc/php", "APACHE_CONFDIR", "/etc/apache2", "APACHE_ENVVARS", "/etc/apache2/envvars",
                        "PHP_VERSION", "5.6.40"),
                "/var/www/html", List.of(80), Flavour.DEBIAN,
                Map.of("docker-php-entrypoint", Binary.EXEC_ENTRYPOINT, "apache2-foreground", Binary.PHP_APACHE),
                Set.of("curl", "curl@7.52.1"),
                files(Flavour.DEBIAN, BaseFiles.debian("9", "stretch"), "/var/www", ContainerFs.DIRECTORY,
                        "/var/www/html", ContainerFs.DIRECTORY, "/var/www/html/index.php",
                        "<?php\n  $x = 0.0001;\n  for ($i = 0; $i <= 1000000; $i++) {\n    $x += sqrt($x);\n  }\n  echo \"OK!\";\n?>\n"),
                9_879_552);
        return Repository.named("registry.k8s.io/hpa-example").image(180_869_530, cfg, "latest").build();
    }
}
