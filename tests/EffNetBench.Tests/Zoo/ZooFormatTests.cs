using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EffNetBench.Core.Zoo;
using Google.Protobuf;

namespace EffNetBench.Tests.Zoo;

/// <summary>The model cache is keyed by <see cref="EfficientNetOnnx.FormatVersion"/>, so a change to the generator's
/// output that keeps the format version would serve stale models from every user's cache.</summary>
public sealed class ZooFormatTests
{
    // SHA-256 of `effnet-bench export b0` (batch 1, 224 px, the default seed), format 1, as generated on linux-x64.
    private const string B0Sha256 = "801f828e677ae01644ec98f69828cec0192fc5111c6504be89be7b8045bdfadd";

    [SkippableFact]
    public void The_b0_export_is_the_bytes_of_its_format_version()
    {
        // The synthetic weights go through Math.Exp, whose last bit is the platform's C library's: pinned on linux-x64.
        Skip.IfNot(OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64, "the hash is pinned on linux-x64");

        byte[] model = EfficientNetOnnx.Build(ZooCatalog.Find("b0").Spec, new ExportOptions()).ToByteArray();

        string sha256 = Convert.ToHexStringLower(SHA256.HashData(model));
        Assert.True(sha256 == B0Sha256,
            $"the b0 export's SHA-256 is now {sha256}, not {B0Sha256}: the zoo generator's output changed. Bump " +
            $"EfficientNetOnnx.FormatVersion (now {EfficientNetOnnx.FormatVersion}) so cached models of the old format are " +
            "not reused, then pin the new hash here.");
    }

    [Fact]
    public void A_zoo_model_names_its_format_not_the_tool_version()
    {
        var model = EfficientNetOnnx.Build(VariantSpec.Custom(0.25, 0.1, 32), new ExportOptions());

        Assert.Equal("zoo-format-" + EfficientNetOnnx.FormatVersion, model.ProducerVersion);
        Assert.Equal(EfficientNetOnnx.FormatVersion, model.ModelVersion);
    }
}
