package io.kubelab.server;

import com.hazelcast.core.HazelcastInstance;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The certificate of the Kubernetes API's TLS listener. kubectl sends a kubeconfig's token only over TLS, so
 * a server without an operator's certificate makes its own: one self-signed certificate for the name
 * {@value #SERVER_NAME}, shared by every member through Hazelcast, which kubeconfigs pin as their CA with
 * {@code tls-server-name}, so it verifies whatever host name the student reached the server by.
 */
final class KubeTls {

    static final String SERVER_NAME = "kubelab-apiserver";
    private static final String CONFIG_KEY = "k8s-tls";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    /** A certificate and its private key, both PEM. */
    record Material(String certificatePem, String keyPem) {

        String certificateBase64() {
            return Base64.getEncoder().encodeToString(certificatePem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private KubeTls() {
    }

    /** The cluster's certificate: the first member makes it, the others read it. */
    static Material shared(HazelcastInstance hz) {
        Material mine = generate(Instant.now());
        String joined = mine.certificatePem() + mine.keyPem();
        String existing = hz.<String, String>getMap("kubelab.config").putIfAbsent(CONFIG_KEY, joined);
        if (existing == null) {
            return mine;
        }
        int split = existing.indexOf("-----BEGIN PRIVATE KEY-----");
        return new Material(existing.substring(0, split), existing.substring(split));
    }

    static Material generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + SERVER_NAME + ",O=Kubelab");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, SERVER_NAME)));
            X509CertificateHolder certificate = builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new Material(pem("CERTIFICATE", certificate.getEncoded()),
                    pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make the Kubernetes API's certificate: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
