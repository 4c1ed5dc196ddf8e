using System.Diagnostics;
using System.Text.Json;
using EffNetBench.Core.Results;
using EffNetBench.IntegrationTests.Cli;
using Xunit.Abstractions;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>A run killed for real between cases keeps its finished cases, and --resume measures only the rest.</summary>
[Collection(RunCollection.Name)]
public sealed class RunKillAndResumeTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan FirstCaseTimeout = TimeSpan.FromSeconds(60);

    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void Killed_run_keeps_its_finished_case_and_resume_measures_only_the_others()
    {
        // The first model is the smallest, so its case ends early; the next two (about 0.5 ms and 0.1 ms per inference,
        // several hundred ms of cases together with session creation and BenchmarkDotNet's stages) leave a window to
        // kill the run between cases.
        string[] models =
        [
            _work.TinyModel("m1-small"),
            _work.TinyModel("m2-medium", width: 0.5, depth: 0.5, resolution: 96),
            _work.TinyModel("m3-small"),
        ];
        string[] ids = ["m1-small-r32/cpu/b1/tdefault", "m2-medium-r96/cpu/b1/tdefault", "m3-small-r32/cpu/b1/tdefault"];
        string casesPath = Path.Combine(_work.Out, ResultsStore.CasesFileName);

        List<(string Id, double[] Samples)> before;
        var clock = Stopwatch.StartNew();
        using (var tool = ToolProcess.Start("run", "--model", string.Join(',', models), "--providers", "cpu", "--preset", "quick",
                   "--out", _work.Out, "--cache-dir", _work.Cache))
        {
            int seen = WaitForCompleteLines(tool, casesPath).Count;
            TimeSpan firstCase = clock.Elapsed;
            tool.Kill();

            // Whatever was flushed when the kill came: the lines before the last newline.
            before = CompleteLines(casesPath);
            log.WriteLine($"{seen} case(s) seen after {firstCase.TotalSeconds:0.00} s, {before.Count} on disk after the kill");
            Assert.True(before.Count is >= 1 and < 3, $"{before.Count} cases finished before the kill\n{tool.Transcript}");
        }

        Assert.True(File.Exists(Path.Combine(_work.Out, ResultsStore.RunFileName)));
        Assert.False(File.Exists(Path.Combine(_work.Out, ResultsStore.ResultsFileName)), "a killed run must not have results.json");
        Assert.Equal(ids[0], before[0].Id);
        Assert.True(before[0].Samples.Length >= 3, $"{before[0].Samples.Length} samples");
        byte[] killed = File.ReadAllBytes(casesPath);
        byte[] flushed = killed[..(Array.LastIndexOf(killed, (byte)'\n') + 1)];

        (int code, string output, string error) = CliRunner.Run("run", "--resume", _work.Out);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains($"resuming: {before.Count} of 3 cases already finished", error);
        Assert.DoesNotContain($"] {ids[0]}", error); // not started again
        BenchmarkResults results = ResultsStore.Load(_work.Out);
        Assert.Equal(ids, results.Cases.Select(c => c.Id));
        Assert.All(results.Cases, RunAssert.ValidOk);
        Assert.Equal("quick", results.Settings.Preset); // the original settings, from run.json
        Assert.All(results.Cases, c => Assert.Equal(10, c.Stopping!.MinSamples));
        foreach ((string id, double[] samples) in before)
        {
            Assert.Equal(samples, results.Cases.Single(c => c.Id == id).SamplesMs!.Value.ToArray());
        }

        // results.jsonl: each case once, in order, the killed run's lines first and untouched.
        Assert.Equal(ids, CompleteLines(casesPath).Select(c => c.Id));
        byte[] resumed = File.ReadAllBytes(casesPath);
        Assert.Equal(flushed, resumed[..flushed.Length]);
        Assert.Equal((byte)'\n', resumed[^1]);
        RunAssert.ResultsAndLeaderboardReported(_work.Out, output);
        log.WriteLine($"kill and resume took {clock.Elapsed.TotalSeconds:0.00} s");
    }

    [SkippableFact]
    public void Ctrl_c_finishes_the_current_case_keeps_what_is_done_and_exits_1()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGINT is sent with kill(1)");
        string[] models =
        [
            _work.TinyModel("c1"),
            _work.TinyModel("c2", width: 0.5, depth: 0.5, resolution: 96),
            _work.TinyModel("c3", width: 1.0, depth: 0.5, resolution: 128),
            _work.TinyModel("c4", width: 1.0, depth: 0.5, resolution: 160),
        ];
        string casesPath = Path.Combine(_work.Out, ResultsStore.CasesFileName);
        using (var tool = ToolProcess.Start("run", "--model", string.Join(',', models), "--providers", "cpu", "--preset", "quick",
                   "--out", _work.Out, "--cache-dir", _work.Cache))
        {
            WaitForCompleteLines(tool, casesPath);
            tool.Interrupt();
            Assert.True(tool.WaitForExit(TimeSpan.FromSeconds(60)), $"the run did not stop after Ctrl-C\n{tool.Transcript}");
            Assert.True(tool.ExitCode == 1, $"exit {tool.ExitCode}\n{tool.Transcript}");
            Assert.Contains("stopping after the current case", tool.Transcript);
            Assert.Contains($"effnet-bench run --resume {_work.Out}", tool.Transcript);
        }

        // The case running at Ctrl-C finishes; the rest are left for --resume (which BenchmarkEngineTests and the kill
        // test above cover), so the large models are normally never measured here.
        int kept = CompleteLines(casesPath).Count;
        Assert.InRange(kept, 1, 3);
        Assert.False(File.Exists(Path.Combine(_work.Out, ResultsStore.ResultsFileName)));
    }

    /// <summary>Polls results.jsonl until it holds a complete line (a case was flushed), then returns those lines.</summary>
    private static List<(string Id, double[] Samples)> WaitForCompleteLines(ToolProcess tool, string casesPath)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < FirstCaseTimeout)
        {
            List<(string Id, double[] Samples)> lines = CompleteLines(casesPath);
            if (lines.Count > 0)
            {
                return lines;
            }

            Assert.False(tool.HasExited, $"the tool ended (exit {(tool.HasExited ? tool.ExitCode : 0)}) before finishing a case\n{tool.Transcript}");
            Thread.Sleep(10);
        }

        Assert.Fail($"no case finished within {FirstCaseTimeout.TotalSeconds} s\n{tool.Transcript}");
        return [];
    }

    /// <summary>The id and samples of every newline-terminated line; a line still being written is left out.</summary>
    private static List<(string Id, double[] Samples)> CompleteLines(string casesPath)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(casesPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return []; // not created yet
        }

        int end = Array.LastIndexOf(bytes, (byte)'\n');
        var lines = new List<(string Id, double[] Samples)>();
        if (end < 0)
        {
            return lines;
        }

        foreach (string line in System.Text.Encoding.UTF8.GetString(bytes, 0, end).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using JsonDocument json = JsonDocument.Parse(line);
            lines.Add((json.RootElement.GetProperty("id").GetString()!,
                [.. json.RootElement.GetProperty("samples_ms").EnumerateArray().Select(s => s.GetDouble())]));
        }

        return lines;
    }
}
