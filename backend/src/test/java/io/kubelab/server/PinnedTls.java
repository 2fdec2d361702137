package io.kubelab.server;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A kubeconfig cluster's {@code certificate-authority-data} and {@code tls-server-name} as a trust manager, for
 * clients that have no setting for the latter (fabric8's Config has none): the chain must lead to that CA, and
 * the certificate must name {@code tls-server-name} instead of the host dialled, as client-go checks it.
 */
final class PinnedTls extends X509ExtendedTrustManager {

    /** A SubjectAltName entry of type dNSName (RFC 5280). */
    private static final int DNS_NAME = 2;

    private final X509TrustManager pinned;
    private final String serverName;

    private PinnedTls(X509TrustManager pinned, String serverName) {
        this.pinned = pinned;
        this.serverName = serverName;
    }

    static TrustManager[] of(String certificateAuthorityData, String serverName) throws GeneralSecurityException {
        try {
            CertificateFactory certificates = CertificateFactory.getInstance("X.509");
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", certificates.generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(certificateAuthorityData))));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return new TrustManager[] {new PinnedTls((X509TrustManager) factory.getTrustManagers()[0], serverName)};
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private void check(X509Certificate[] chain, String authType) throws CertificateException {
        // The two-argument check validates the chain only: the name is ours to check, against tls-server-name.
        pinned.checkServerTrusted(chain, authType);
        if (!dnsNames(chain[0]).contains(serverName)) {
            throw new CertificateException("certificate is not valid for " + serverName + ": " + dnsNames(chain[0]));
        }
    }

    private static List<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        if (names == null) {
            return List.of();
        }
        return names.stream().filter(n -> ((Integer) n.get(0)) == DNS_NAME).map(n -> (String) n.get(1)).toList();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a client's trust manager checks no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a client's trust manager checks no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client's trust manager checks no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pinned.getAcceptedIssuers();
    }
}
