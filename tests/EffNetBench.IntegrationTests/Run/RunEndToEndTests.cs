using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.Results;
using EffNetBench.IntegrationTests.Imaging;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>`run --end-to-end IMAGE` through the CLI on a tiny model: image bytes to class next to the model alone.</summary>
[Collection(RunCollection.Name)]
public sealed class RunEndToEndTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [SkippableFact]
    public void End_to_end_runs_next_to_the_model_case_and_records_preprocessings_share()
    {
        Skip.If(EndToEndImages.ExtensionsUnavailable is not null, EndToEndImages.ExtensionsUnavailable);
        string model = _work.TinyModel("tiny");
        string image = Image("photo.png", EndToEndImages.Png(EndToEndImages.Textured(320, 240, seed: 5)));

        (int code, string output, string error) = _work.Run("--model", model, "--end-to-end", image);

        Assert.True(code == 0, error);
        BenchmarkResults results = ResultsStore.Load(_work.Out);
        Assert.Equal(image, results.Settings.EndToEndImage);
        Assert.Equal(["tiny-r32/cpu/b1/tdefault", "tiny-r32/cpu/b1/tdefault/e2e"], results.Cases.Select(c => c.Id));
        CaseResult inference = results.Cases[0], e2e = results.Cases[1];
        RunAssert.ValidOk(inference);
        RunAssert.ValidOk(e2e); // the same harness: bound inputs, no managed allocation in the measured call
        Assert.Null(inference.EndToEnd);
        Assert.Equal((inference.Model with { File = null }, "cpu", 1, (int?)null), (e2e.Model with { File = null }, e2e.Provider, e2e.Batch, e2e.Threads));
        Assert.Equal(model, e2e.Model.File);
        Assert.NotNull(inference.AchievedGflops);
        Assert.Null(e2e.AchievedGflops); // the network's FLOPs over image-to-class time would be a made-up rate

        EndToEndInfo info = Assert.IsType<EndToEndInfo>(e2e.EndToEnd);
        double modelMedian = inference.LatencyMs!.Median, e2eMedian = e2e.LatencyMs!.Median;
        Assert.Equal((image, new FileInfo(image).Length, 320, 240, inference.Id),
            (info.Image, info.ImageBytes!.Value, info.DecodedWidth!.Value, info.DecodedHeight!.Value, info.ModelCaseId));
        Assert.Equal("resize 37 bicubic antialiased, crop 32, (x/255 - mean 0.485,0.456,0.406) / std 0.229,0.224,0.225, rgb nchw", info.Preprocessing);
        Assert.Equal(modelMedian, info.ModelMedianMs);
        Assert.Equal(e2eMedian - modelMedian, info.PreprocessingMs);
        Assert.Equal(Math.Clamp((e2eMedian - modelMedian) / e2eMedian, 0, 1), info.PreprocessingShare);
        Assert.InRange(info.PreprocessingShare!.Value, 0, 1);

        // The preprocessing graph timed alone: within the stated sample bounds, a positive median, and the summary's
        // "preproc" columns show it. (It is part of the whole path, but the two are timed one after the other, so on a
        // loaded machine drift can put it above the whole path's median: no ordering is asserted.)
        Assert.InRange(info.PreprocessingAloneSamples!.Value, 20, 200);
        Assert.True(info.PreprocessingAloneMs!.Value > 0 && double.IsFinite(info.PreprocessingAloneMs.Value), $"{info.PreprocessingAloneMs} ms");
        Assert.Equal(Math.Clamp(info.PreprocessingAloneMs.Value / e2eMedian, 0, 1), info.PreprocessingAloneShare);

        // Decoding a 320x240 PNG alone takes far longer than this 0.1 ms network, so the medians cannot tie.
        Assert.True(e2eMedian > modelMedian, $"end-to-end median {e2eMedian} ms, model median {modelMedian} ms");

        string row = Assert.Single(output.Split('\n'), line => line.StartsWith("tiny@32 e2e ", StringComparison.Ordinal));
        Assert.Matches(@"^tiny@32 e2e +cpu +1 +default +[0-9.]+ .* [0-9.]+ +[0-9.]+ % +ok", row);
        Assert.Contains($" {info.PreprocessingAloneMs.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} ", row);
        Assert.Contains("[2/2] tiny-r32/cpu/b1/tdefault/e2e", error);
        Assert.True(File.Exists(Path.Combine(_work.Out, "bdn", "tiny-r32_cpu_b1_tdefault_e2e", "benchmarkdotnet.log")));

        // The leaderboard ranks the network alone and names the end-to-end case in its notes.
        string leaderboard = File.ReadAllText(Path.Combine(_work.Out, "leaderboard.md"));
        Assert.Contains("end-to-end, not ranked: tiny@32 cpu batch 1 threads default", leaderboard);
    }

    [Fact]
    public void An_image_that_cannot_be_the_end_to_end_input_is_a_usage_error_and_writes_nothing()
    {
        string model = _work.TinyModel("tiny");
        string missing = Path.Combine(_work.Root, "none.jpg");
        string text = Image("notes.png", "not an image"u8.ToArray());
        string interlaced = Image("adam7.png", EndToEndImages.InterlacedPng(40, 30));
        using SKBitmap bitmap = EndToEndImages.Textured(40, 30, 1);
        using SKData webpData = bitmap.Encode(SKEncodedImageFormat.Webp, 90);
        string webp = Image("photo.webp", webpData.ToArray());
        string png = Image("ok.png", EndToEndImages.Png(EndToEndImages.Textured(40, 30, 1)));

        foreach ((string[] args, string message) in new (string[], string)[]
        {
            (["--end-to-end", missing], $"effnet-bench: --end-to-end '{missing}' does not exist: give the path of a PNG or JPEG image (see 'effnet-bench run --help')\n"),
            (["--end-to-end", text], $"effnet-bench: --end-to-end '{text}' cannot be decoded: '{text}' is not a decodable image"),
            (["--end-to-end", webp], $"effnet-bench: --end-to-end '{webp}' is neither PNG nor JPEG"),
            (["--end-to-end", interlaced], $"effnet-bench: --end-to-end '{interlaced}' is an interlaced PNG"),
            (["--end-to-end", png, "--batch", "2,4"], "effnet-bench: --end-to-end measures batch 1 only (one image's bytes): include 1 in --batch\n"),
        })
        {
            (int code, string output, string error) = _work.Run(["--model", model, .. args]);

            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}: {error}");
            RunAssert.OneLineError(output, error);
            Assert.StartsWith(message, error);
            RunAssert.NothingWritten(_work.Out);
        }
    }

    private string Image(string name, byte[] bytes)
    {
        string path = Path.Combine(_work.Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
