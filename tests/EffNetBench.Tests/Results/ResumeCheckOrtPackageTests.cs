using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Results;

public sealed class ResumeCheckOrtPackageTests
{
    [Theory]
    [InlineData("cpu", "give --ort 1.30.0 (the run's package, Microsoft.ML.OnnxRuntime) or --ort-lib the run's library")]
    [InlineData("gpu-linux", "give --ort 1.30.0:gpu-linux (the run's package, Microsoft.ML.OnnxRuntime) or --ort-lib the run's library")]
    public void A_run_measured_with_a_package_by_version_names_it_in_the_resume_refusal(string flavor, string fix)
    {
        RunHeader header = SampleResults.Header();
        RunHeader recorded = header with
        {
            Environment = header.Environment with
            {
                OnnxRuntime = "1.30.0",
                OnnxRuntimePackage = new OrtPackage("Microsoft.ML.OnnxRuntime", "1.30.0", flavor, "linux-x64", "https://feed/v3/index.json", "aGFzaA=="),
            },
        };

        string? problem = ResumeCheck.EnvironmentProblem("run1", recorded, header.Environment with { OnnxRuntime = "1.31.1" }, header.Tool);

        Assert.NotNull(problem);
        Assert.Contains($"and this process loaded 1.31.1 (library path unknown): {fix}; its cases", problem, StringComparison.Ordinal);
    }
}
