// The sample connection the Test view starts with, in the emulator's documented connection-object
// format (DEVELOPING.md): the viewer's IP and its client certificate. A certificate from a pinned
// issuer with a serial that is not revoked, so mtls-auth-check allows it.
export const SAMPLE_CONNECTION = JSON.stringify(
  {
    clientIp: "203.0.113.42",
    clientCertInfo: {
      subject: "CN=device-0042,OU=Managed,O=Example Corp,C=US",
      issuer: "CN=Example Device Issuing CA 2,O=Example Corp,C=US",
      serialNumber: "0a:1b:2c:3d:4e:5f:60:71",
      validity: { notBefore: "2026-01-01T00:00:00Z", notAfter: "2027-06-30T23:59:59Z" },
    },
  },
  null,
  2,
);
