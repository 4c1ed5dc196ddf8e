using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using EffNetBench.IntegrationTests.Imaging;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>The real measurer's own decisions, before anything is measured (the engine's are in BenchmarkEngineTests).</summary>
[Collection(RunCollection.Name)] // sets EFFNET_BENCH_ORT_EXTENSIONS, which OrtExtensions reads
public sealed class OrtCaseMeasurerTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void Without_the_extension_library_an_end_to_end_case_is_unavailable_before_its_model_is_generated()
    {
        string image = Path.Combine(_work.Root, "photo.png");
        File.WriteAllBytes(image, EndToEndImages.Png(EndToEndImages.Textured(64, 48, seed: 5)));
        string missing = Path.Combine(_work.Root, "libortextensions-missing.so");
        var settings = new RunSettings(["b0"], [], ["cpu"], [1], [null], "quick", 42, _work.Out, null) { EndToEndImage = image };
        PlannedCase e2e = RunPlanner.Plan(settings)[1];
        string? before = Environment.GetEnvironmentVariable(OrtExtensions.EnvironmentVariable);
        Environment.SetEnvironmentVariable(OrtExtensions.EnvironmentVariable, missing);
        EndToEndUnavailableException e;
        try
        {
            var measurer = new OrtCaseMeasurer(new RunRequest(settings, new ProviderSettings(), _work.Cache));
            e = Assert.Throws<EndToEndUnavailableException>(() => measurer.Measure(e2e, null, Path.Combine(_work.Out, "bdn", "e2e")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(OrtExtensions.EnvironmentVariable, before);
        }

        // The engine records this message as the case's skip reason (BenchmarkEngineTests).
        Assert.Equal("b0-r224/cpu/b1/tdefault/e2e", e2e.Id);
        Assert.Equal($"the ONNX Runtime Extensions library {missing} (from {OrtExtensions.EnvironmentVariable}) does not exist", e.Message);
        Assert.False(Directory.Exists(_work.Cache), "b0 was generated for a case that could not run");
        Assert.False(Directory.Exists(_work.Out));
    }
}
