using McpVanguard.Inspection.Network;
using Xunit;

namespace McpVanguard.Tests.Inspection.Network;

public sealed class UrlClassifierTests
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", UrlRisk.CloudMetadata)]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", UrlRisk.CloudMetadata)]
    [InlineData("http://METADATA.GOOGLE.INTERNAL./x", UrlRisk.CloudMetadata)]
    [InlineData("http://100.100.100.200/latest/meta-data", UrlRisk.CloudMetadata)]
    [InlineData("http://169.254.170.2/v2/credentials", UrlRisk.CloudMetadata)]
    [InlineData("http://[fd00:ec2::254]/latest", UrlRisk.CloudMetadata)]
    [InlineData("http://good.com@169.254.169.254/", UrlRisk.CloudMetadata)]
    [InlineData("http://user:pass@169.254.169.254:80/", UrlRisk.CloudMetadata)]
    [InlineData("http://2852039166/", UrlRisk.CloudMetadata)]
    [InlineData("http://0xa9fea9fe/", UrlRisk.CloudMetadata)]
    [InlineData("http://0251.0376.0251.0376/", UrlRisk.CloudMetadata)]
    [InlineData("http://%31%36%39.254.169.254/", UrlRisk.CloudMetadata)]
    [InlineData("http://169.254.169.254.nip.io/", UrlRisk.CloudMetadata)]
    [InlineData("http:\\\\169.254.169.254\\latest", UrlRisk.CloudMetadata)]
    [InlineData("169.254.169.254/latest/meta-data", UrlRisk.CloudMetadata)]
    [InlineData("http://127.0.0.1:8080/admin", UrlRisk.Loopback)]
    [InlineData("http://2130706433/", UrlRisk.Loopback)]
    [InlineData("http://0x7f000001/", UrlRisk.Loopback)]
    [InlineData("http://0177.0.0.1/", UrlRisk.Loopback)]
    [InlineData("http://127.1/", UrlRisk.Loopback)]
    [InlineData("http://localhost./", UrlRisk.Loopback)]
    [InlineData("http://app.localhost/", UrlRisk.Loopback)]
    [InlineData("http://[::1]/", UrlRisk.Loopback)]
    [InlineData("http://[::ffff:127.0.0.1]/", UrlRisk.Loopback)]
    [InlineData("http://[::ffff:7f00:1]/", UrlRisk.Loopback)]
    [InlineData("http://127-0-0-1.sslip.io/", UrlRisk.Loopback)]
    [InlineData("http://10.0.0.5/", UrlRisk.Private)]
    [InlineData("http://172.16.3.4/", UrlRisk.Private)]
    [InlineData("http://192.168.1.1/", UrlRisk.Private)]
    [InlineData("http://100.64.0.1/", UrlRisk.Private)]
    [InlineData("http://[fc00::1]/", UrlRisk.Private)]
    [InlineData("http://[fd12:3456::1]/", UrlRisk.Private)]
    [InlineData("http://169.254.1.1/", UrlRisk.LinkLocal)]
    [InlineData("http://[fe80::1%25eth0]/", UrlRisk.LinkLocal)]
    [InlineData("http://0.0.0.0:8000/", UrlRisk.Unspecified)]
    [InlineData("http://[::]/", UrlRisk.Unspecified)]
    [InlineData("gopher://127.0.0.1:6379/_FLUSHALL", UrlRisk.DangerousScheme)]
    [InlineData("dict://127.0.0.1:11211/stat", UrlRisk.DangerousScheme)]
    [InlineData("file:///etc/passwd", UrlRisk.LocalFile)]
    [InlineData("FILE:///etc/passwd", UrlRisk.LocalFile)]
    [InlineData("ldap://evil.example/a", UrlRisk.DangerousScheme)]
    [InlineData("jar:http://evil.example/a.jar!/", UrlRisk.DangerousScheme)]
    [InlineData("https://api.github.com/repos/x/y", UrlRisk.Public)]
    [InlineData("https://8.8.8.8/", UrlRisk.Public)]
    [InlineData("https://172.32.0.1/", UrlRisk.Public)]
    [InlineData("https://example.com:8443/path?q=127.0.0.1", UrlRisk.Public)]
    [InlineData("https://169.254.169.254.example.com/", UrlRisk.Public)]
    [InlineData("https://1password.com/", UrlRisk.Public)]
    [InlineData("mailto:someone@example.com", UrlRisk.Public)]
    [InlineData("", UrlRisk.Public)]
    public void Classifies(string url, UrlRisk expected)
    {
        Assert.Equal(expected, UrlClassifier.Classify(url).Risk);
    }

    [Theory]
    [InlineData("http://2130706433/", true)]
    [InlineData("http://127.0.0.1/", false)]
    [InlineData("http://[::ffff:127.0.0.1]/", true)]
    public void Notes_obfuscated_hosts(string url, bool obfuscated)
    {
        Assert.Equal(obfuscated, UrlClassifier.Classify(url).Obfuscated);
    }
}
