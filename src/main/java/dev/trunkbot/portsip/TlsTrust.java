package dev.trunkbot.portsip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for the PBX: the JDK's trust store, plus the CA certificates of {@code PORTSIP_CA_FILE}
 * when given (PBXs often use a private CA or a self-signed certificate). Verification is never
 * switched off.
 */
final class TlsTrust {
  private TlsTrust() {}

  static SSLContext sslContext(Optional<Path> caFile) {
    try {
      if (caFile.isEmpty()) {
        return SSLContext.getDefault();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager(caFile.get())}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS for PortSIP: " + e.getMessage(), e);
    }
  }

  /** Trusts what the JDK trusts, and anything that chains to a certificate of {@code pemFile}. */
  static X509TrustManager trustManager(Path pemFile) throws GeneralSecurityException {
    X509TrustManager jdk = x509(null);
    KeyStore custom = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      custom.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int i = 0;
    for (X509Certificate cert : readPem(pemFile)) {
      custom.setCertificateEntry("portsip-ca-" + i++, cert);
    }
    X509TrustManager extra = x509(custom);
    return new EitherTrustManager(jdk, extra);
  }

  static List<X509Certificate> readPem(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : certs) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException(
            "PORTSIP_CA_FILE '"
                + pemFile
                + "' holds no certificate"
                + " (expected one or more -----BEGIN CERTIFICATE----- blocks)");
      }
      return out;
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException(
          "PORTSIP_CA_FILE '" + pemFile + "' is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager tm : factory.getTrustManagers()) {
      if (tm instanceof X509TrustManager) {
        return (X509TrustManager) tm;
      }
    }
    throw new IllegalStateException("the JDK offers no X509TrustManager");
  }

  /** Accepts a chain either trust manager accepts. */
  private static final class EitherTrustManager implements X509TrustManager {
    private final X509TrustManager first;
    private final X509TrustManager second;

    EitherTrustManager(X509TrustManager first, X509TrustManager second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      first.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType);
      } catch (CertificateException jdkRefused) {
        try {
          second.checkServerTrusted(chain, authType);
        } catch (CertificateException customRefused) {
          customRefused.addSuppressed(jdkRefused);
          throw customRefused;
        }
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      X509Certificate[] a = first.getAcceptedIssuers();
      X509Certificate[] b = second.getAcceptedIssuers();
      X509Certificate[] all = new X509Certificate[a.length + b.length];
      System.arraycopy(a, 0, all, 0, a.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      return all;
    }
  }
}
