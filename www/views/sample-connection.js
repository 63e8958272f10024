// The sample connection the Test view starts with when the server does not offer one (npm start
// serves the emulator's documented sample, emulator/sample-connection.json, as
// /__server/info's demo.connectionObject; the e2e tests hold this copy equal to it). The shape is
// the runtime's connection object: the viewer's IP and its client certificate.
export const SAMPLE_CONNECTION = JSON.stringify(
  {
    clientIp: "203.0.113.42",
    clientCertInfo: {
      serialNumber: "0a:1b:2c:3d:4e:5f:60:71",
      subject: "CN=device-0042.iot.example.com,OU=Managed,O=Example Corp,C=US",
      issuer: "CN=Example Device Issuing CA 2,O=Example Corp,C=US",
      validity: { notBefore: "2025-01-15T00:00:00Z", notAfter: "2027-01-15T00:00:00Z" },
      fingerprint: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    },
  },
  null,
  2,
);
