using McpVanguard.Inspection.Secrets;

namespace McpVanguard.Tests.Inspection.Secrets;

public sealed class SecretScannerTests
{
    [Theory]
    [InlineData("aws_access_key_id = AKIAZ7Q3B4XK2LMN5PQR", "aws-access-key", "AKIAZ7Q3B4XK2LMN5PQR")]
    [InlineData("aws_secret_access_key = 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", "aws-secret-key", "q8Vb2Lm9Xr4Tz7Hk1Jc5Nf3Wd6Sg0Ya2Pe8Ru4Ki")]
    [InlineData("token ghp_9aZk3LmQ7vXr2Tb8NcY5Hw1Jd4Pe6Sf0Ug7K here", "github-token", "ghp_9aZk3LmQ7vXr2Tb8NcY5Hw1Jd4Pe6Sf0Ug7K")]
    [InlineData("CI=glpat-Xk3v9Qm2Lp7Rt5Wz8Yb1", "gitlab-token", "glpat-Xk3v9Qm2Lp7Rt5Wz8Yb1")]
    [InlineData("SLACK=xoxb-2847561930-5820394817265-Qw8eRt5yUi3oPa1sDf7gHj9k", "slack-token", "xoxb-2847561930-5820394817265-Qw8eRt5yUi3oPa1sDf7gHj9k")]
    [InlineData("key: sk_live_51HqLyjWDarjtT1zdp7dcXw5vQm9Kp3Rt8Yz2", "stripe-key", "sk_live_51HqLyjWDarjtT1zdp7dcXw5vQm9Kp3Rt8Yz2")]
    [InlineData("OPENAI=sk-proj-Tq8Lm3Vx9Rz2Kb7Nc4Yw1Hd6Pf5Sg0Ja8Ue3Io", "openai-key", "sk-proj-Tq8Lm3Vx9Rz2Kb7Nc4Yw1Hd6Pf5Sg0Ja8Ue3Io")]
    [InlineData("A=sk-ant-api03-Hx7Kq2Lm9Vb4Nz8Rt3Wy6Pc1Jd5Sf0Ga7Ue2Io", "anthropic-key", "sk-ant-api03-Hx7Kq2Lm9Vb4Nz8Rt3Wy6Pc1Jd5Sf0Ga7Ue2Io")]
    [InlineData("url postgresql://app:Vq8#kL2m!Rz9x@db:5432/prod", "connection-string-password", "Vq8#kL2m!Rz9x")]
    [InlineData("AccountName=a;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=;", "azure-storage-key", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=")]
    [InlineData("api_key: \"9f8Kq2Lm7Vx3Rb1Nz6Tc4Yw8Hd5Pf\"", "generic-secret", "9f8Kq2Lm7Vx3Rb1Nz6Tc4Yw8Hd5Pf")]
    [InlineData("password: Tr0ub4dor&3xK", "generic-secret", "Tr0ub4dor&3xK")]
    [InlineData("Server=tcp:x,1433;User ID=sa;Password=Qz8!kP3m#Lw7;Encrypt=True;", "connection-string-password", "Qz8!kP3m#Lw7")]
    public void Finds_the_secret_and_its_exact_span(string text, string kind, string secret)
    {
        var matches = SecretScanner.Scan(text);
        var match = Assert.Single(matches, m => m.Kind == kind);
        Assert.Equal(secret, text.Substring(match.Start, match.Length));
    }

    [Fact]
    public void Finds_a_pem_private_key_block()
    {
        const string pem = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBd3uL5rK2hZ8m1Xq9vP7wT4yN6cJ0sA3fG5hK8lB2mVwAAAJgP1q2rD9\n-----END OPENSSH PRIVATE KEY-----";
        var match = Assert.Single(SecretScanner.Scan("key:\n" + pem + "\n"));
        Assert.Equal("private-key", match.Kind);
        Assert.Equal(pem.Length, match.Length);
    }

    [Theory]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7EXAMPLE")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("commit 3f786850e387550fdab836ed7e6dc881de23001b")]
    [InlineData("run_uuid 123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("integrity sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==")]
    [InlineData("API_KEY=your-api-key-here\nSECRET_KEY=changeme\nJWT_SECRET=${JWT_SECRET}\nSTRIPE_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("DATABASE_URL: e.g. postgres://user:password@localhost/db")]
    [InlineData("const password = req.body.password;")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")]
    [InlineData("{\"next_page_token\":\"CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA0\",\"input_tokens\":1532}")]
    [InlineData("token = os.environ['GITHUB_TOKEN']")]
    [InlineData("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----")]
    [InlineData("secret_key_file=/run/secrets/app_key\ntoken_ttl_seconds=3600")]
    public void Placeholders_examples_hashes_and_ids_are_not_secrets(string text)
        => Assert.Empty(SecretScanner.Scan(text));

    [Fact]
    public void Only_the_first_max_chars_are_scanned()
    {
        var text = new string('a', 100) + " ghp_9aZk3LmQ7vXr2Tb8NcY5Hw1Jd4Pe6Sf0Ug7K";
        Assert.Empty(SecretScanner.Scan(text, maxChars: 100));
        Assert.Single(SecretScanner.Scan(text));
    }

    [Theory]
    [InlineData("aaaaaaaa", 0.0)]
    [InlineData("abcd", 2.0)]
    public void Entropy_is_shannon_bits_per_character(string value, double bits)
        => Assert.Equal(bits, SecretScanner.Entropy(value), 3);
}
