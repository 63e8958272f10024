// The sample connection the Test view starts with (the emulator's documented connection-object
// format, DEVELOPING.md "TestConnectionFunction's connection object").
export const SAMPLE_CONNECTION = JSON.stringify(
  {
    clientIp: "203.0.113.7",
    serverName: "api.example.com",
    clientCertificate: {
      subject: "CN=device-42,O=Example Corp",
      issuer: "CN=Example Device CA,O=Example Corp",
      serialNumber: "0a:1b:2c:3d",
      validity: { notBefore: "2025-01-01T00:00:00Z", notAfter: "2027-01-01T00:00:00Z" },
    },
  },
  null,
  2,
);
