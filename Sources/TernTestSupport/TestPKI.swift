// Test-only certificates and keys for the fake TLS servers. They are NOT secrets: they were made
// once with openssl for the tests (EC P-256, valid until 2126) and sign nothing but these fixtures.
// The CA keys were thrown away. To replace them: `openssl ecparam -name prime256v1 -genkey` for each
// key, `openssl req -x509 -days 36500` with basicConstraints CA:TRUE for the CAs, and
// `openssl x509 -req -CA ca.pem` with the SANs below and extendedKeyUsage serverAuth for the servers.

/// PEM fixtures for TLS tests: a test CA, a server certificate it signed for `localhost`,
/// `mail.example.test` and IP `127.0.0.1`, a second certificate it signed only for
/// `other.example.test`, and an unrelated CA that signed neither.
public enum TestPKI {
    /// The test CA (CN=tern test CA) that signed `serverCertificatePEM` and `otherCertificatePEM`.
    public static let caCertificatePEM = """
    -----BEGIN CERTIFICATE-----
    MIIBdDCCARqgAwIBAgIUOnAAcW2JcDCLYxIs97jf7fNDdIMwCgYIKoZIzj0EAwIw
    FzEVMBMGA1UEAwwMdGVybiB0ZXN0IENBMCAXDTI2MTEyOTE0MDczOFoYDzIxMjYx
    MTA1MTQwNzM4WjAXMRUwEwYDVQQDDAx0ZXJuIHRlc3QgQ0EwWTATBgcqhkjOPQIB
    BggqhkjOPQMBBwNCAASs1WP/DHcnwrdy7CubQHRy962+ZBZC9LF6Id47x+xAiyVe
    o3eI411OAUudoQEoGtUsRLlkMfelTMEh88Uds3wNo0IwQDAPBgNVHRMBAf8EBTAD
    AQH/MA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQUIvA4BlT7+Ql7LqvVAqUwYKsq
    IYswCgYIKoZIzj0EAwIDSAAwRQIhAKA8LkkFJvV2WVHEY+4NsGWVk1xWbYOtBqPk
    XwCDASSLAiAVIKpDoBhWgsh4DBL9l1Fs3MAsfS+RQQBOhjODeSICbA==
    -----END CERTIFICATE-----
    """

    /// A CA (CN=tern unrelated test CA) that signed none of the server certificates.
    public static let unrelatedCACertificatePEM = """
    -----BEGIN CERTIFICATE-----
    MIIBiTCCAS6gAwIBAgIUKzPnM20oLHTSx2qAegTbGIVp0ZEwCgYIKoZIzj0EAwIw
    ITEfMB0GA1UEAwwWdGVybiB1bnJlbGF0ZWQgdGVzdCBDQTAgFw0yNjExMjkxNDA3
    MzhaGA8yMTI2MTEwNTE0MDczOFowITEfMB0GA1UEAwwWdGVybiB1bnJlbGF0ZWQg
    dGVzdCBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABINsa+l59f5lFUAB37y0
    Z9HDn3JQtl0c8vIlqpoKq3H1s1jh8dokVu4NQ0ROJ58GIY3pAGhxUKgwfPM7DA0P
    WwujQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1UdDgQW
    BBQoblpLsZSzCgjfa9rdzqFurUof2DAKBggqhkjOPQQDAgNJADBGAiEA8cDuawVn
    5mYNfCxPzTHmieNlTpAUono5syttycmtE7UCIQDJAmtMDs55uYtcymSpmLdAi7YB
    OIfAWemxYCGpuOIGdA==
    -----END CERTIFICATE-----
    """

    /// The server certificate: SAN DNS:localhost, DNS:mail.example.test, IP:127.0.0.1.
    public static let serverCertificatePEM = """
    -----BEGIN CERTIFICATE-----
    MIIBwzCCAWigAwIBAgIBAjAKBggqhkjOPQQDAjAXMRUwEwYDVQQDDAx0ZXJuIHRl
    c3QgQ0EwIBcNMjYxMTI5MTQwNzM5WhgPMjEyNjExMDUxNDA3MzlaMBQxEjAQBgNV
    BAMMCWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABLYSdYe0scWL
    sJd16cex0g3RPQaDIQxuGSvheZlT7Uxcw139U4mOBVh0LrGld97BytqQg07ZzJhF
    wrFrRUJoOHyjgaUwgaIwDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCBaAwEwYD
    VR0lBAwwCgYIKwYBBQUHAwEwLQYDVR0RBCYwJIIJbG9jYWxob3N0ghFtYWlsLmV4
    YW1wbGUudGVzdIcEfwAAATAfBgNVHSMEGDAWgBQi8DgGVPv5CXsuq9UCpTBgqyoh
    izAdBgNVHQ4EFgQUDnEccZf5KmPALxfynI8fRHCKeSwwCgYIKoZIzj0EAwIDSQAw
    RgIhANdw2aClBUzEbOr2k7FtFBOlzEKy9+dNlA7W+G8rubKaAiEAmqq4DROHwxeh
    A1LU9fBELdbn9OXfpPFFPVbpVcsiJ7s=
    -----END CERTIFICATE-----
    """

    /// The private key of `serverCertificatePEM` (PKCS#8, test-only).
    public static let serverPrivateKeyPEM = """
    -----BEGIN PRIVATE KEY-----
    MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgt9swP+vxaaH/SpmV
    ++nYT6JDVGEECiTvC2V7M/2D3xWhRANCAAS2EnWHtLHFi7CXdenHsdIN0T0GgyEM
    bhkr4XmZU+1MXMNd/VOJjgVYdC6xpXfewcrakINO2cyYRcKxa0VCaDh8
    -----END PRIVATE KEY-----
    """

    /// A server certificate for DNS:other.example.test only (a host name mismatch for localhost).
    public static let otherCertificatePEM = """
    -----BEGIN CERTIFICATE-----
    MIIBuzCCAWGgAwIBAgIBAzAKBggqhkjOPQQDAjAXMRUwEwYDVQQDDAx0ZXJuIHRl
    c3QgQ0EwIBcNMjYxMTI5MTQwNzQwWhgPMjEyNjExMDUxNDA3NDBaMB0xGzAZBgNV
    BAMMEm90aGVyLmV4YW1wbGUudGVzdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IA
    BLqJyAZGDN/fxqvj2ikqR1FAsbeoM+yOP53JKcuHv0/qYgnTBbRJjCU/bOyMgUgZ
    NTT+YU9WzpjTV7v2xOx12dajgZUwgZIwDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8E
    BAMCBaAwEwYDVR0lBAwwCgYIKwYBBQUHAwEwHQYDVR0RBBYwFIISb3RoZXIuZXhh
    bXBsZS50ZXN0MB8GA1UdIwQYMBaAFCLwOAZU+/kJey6r1QKlMGCrKiGLMB0GA1Ud
    DgQWBBS+yyBDjo9cSY2K0JJ9+w/o/Vb5sDAKBggqhkjOPQQDAgNIADBFAiEAstw7
    aF5baulgKBnCb7NbSFS8Dq1elFsQ0mLAbI6DyTkCIHaZA45vTrKvLWKMQ6NyE0Li
    kVJ5eZRpiYubMJXb3AZC
    -----END CERTIFICATE-----
    """

    /// The private key of `otherCertificatePEM` (PKCS#8, test-only).
    public static let otherPrivateKeyPEM = """
    -----BEGIN PRIVATE KEY-----
    MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgH5n/YAxiZftFtwpo
    5i2IfriLrL8LFj8vjpStVrg6K9qhRANCAAS6icgGRgzf38ar49opKkdRQLG3qDPs
    jj+dySnLh79P6mIJ0wW0SYwlP2zsjIFIGTU0/mFPVs6Y01e79sTsddnW
    -----END PRIVATE KEY-----
    """

}
