using EffNetBench.IntegrationTests.Cli;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>Bad input to `run`: one line on stderr, nothing on stdout, and no run folder written.</summary>
[Collection(RunCollection.Name)]
public sealed class RunUsageErrorTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData("--providers", "gpu", "--providers 'gpu' is not a provider: use cpu, cuda, tensorrt, openvino")]
    [InlineData("--providers", "cpu,gpu", "--providers 'gpu' is not a provider: use cpu, cuda, tensorrt, openvino")]
    [InlineData("--batch", "0", "--batch '0' is not valid")]
    [InlineData("--batch", "1,4097", "--batch '1,4097' is not valid: use comma-separated values, each a whole number from 1 to 4096")]
    [InlineData("--threads", "1,", "--threads '1,' is not valid")]
    [InlineData("--variants", "", "--variants '' names no variant")]
    [InlineData("--variants", " , ", "--variants ' , ' names no variant")]
    [InlineData("--model", "", "--model '' names no file")]
    [InlineData("--threads", "x", "--threads 'x' is not valid")]
    [InlineData("--threads", "0", "--threads '0' is not valid")]
    [InlineData("--preset", "fast", "--preset 'fast' is not a preset: use quick, default or thorough")]
    [InlineData("--model", "nope.onnx", "--model 'nope.onnx' does not exist: give the path of an ONNX file")]
    [InlineData("--model", ".", "--model '.' is a folder, not an ONNX file")]
    [InlineData("--variants", "b9", "unknown variant 'b9'")]
    [InlineData("--profile", "0", "--profile '0' is not valid: use a whole number from 1 to 10000")]
    [InlineData("--profile", "many", "--profile 'many' is not valid: use a whole number from 1 to 10000")]
    [InlineData("--precision", "int4", "--precision 'int4' is not valid: use comma-separated values, each fp32, fp16, int8 or int8-dynamic")]
    [InlineData("--precision", "fp32,", "--precision 'fp32,' is not valid")]
    [InlineData("--graph-opt", "max", "--graph-opt 'max' is not valid: use disabled, basic, extended or all")]
    [InlineData("--calibration-method", "kl", "--calibration-method 'kl' is not valid: use min-max, percentile or entropy")]
    [InlineData("--calibration-images", "0", "--calibration-images '0' is not valid: use a whole number from 1 to 100000")]
    [InlineData("--calibration", ".", "--calibration calibrates static int8 only: add int8 to the precisions (e.g. --precision fp32,int8), or drop --calibration")]
    [InlineData("--calibration", "no-such-folder", "--calibration 'no-such-folder' does not exist: give the path of a folder of images")]
    public void Bad_option_is_a_usage_error_and_writes_nothing(string option, string value, string message)
    {
        var args = new List<string> { option, value };
        if (option != "--model")
        {
            args.AddRange(["--model", _work.TinyModel("tiny")]);
        }

        (int code, string output, string error) = _work.Run([.. args]);

        Assert.True(code == 2, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains(message, error);
        RunAssert.NothingWritten(_work.Out);
    }

    [Theory]
    [InlineData("--scenario batchy", "--scenario 'batchy' is not valid: use comma-separated values, each single-stream, offline or server")]
    [InlineData("--scenario offline --concurrency 0", "--concurrency '0' is not valid: use comma-separated values, each a whole number from 1 to 1024")]
    [InlineData("--scenario offline --concurrency -1", "--concurrency '-1' is not valid")]
    [InlineData("--scenario offline --concurrency 1,", "--concurrency '1,' is not valid")]
    [InlineData("--scenario server --latency-bound 0", "--latency-bound '0' is not valid: use a number > 0 with ms, us, ns or s")]
    [InlineData("--scenario server --latency-bound -5ms", "--latency-bound '-5ms' is not valid")]
    [InlineData("--concurrency 2", "--concurrency sets the offline sweep's levels: add --scenario offline")]
    [InlineData("--scenario offline --latency-bound 50", "--latency-bound is the server scenario's p99 bound: add --scenario server")]
    [InlineData("--spin fast", "--spin 'fast' is not valid: use on or off")]
    [InlineData("--scenario server --rates 0", "--rates '0' is not valid: use comma-separated values, each a number above 0, e.g. 20")]
    [InlineData("--scenario server --rates 10,-5", "--rates '10,-5' is not valid")]
    [InlineData("--rates 10", "--rates are the server scenario's offered rates: add --scenario server")]
    public void Bad_scenario_options_are_usage_errors_and_write_nothing(string options, string message)
    {
        (int code, string output, string error) = _work.Run([.. options.Split(' '), "--model", _work.TinyModel("tiny")]);

        Assert.True(code == 2, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains(message, error);
        RunAssert.NothingWritten(_work.Out);
    }

    [Fact]
    public void A_calibration_folder_without_images_is_a_usage_error_and_writes_nothing()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_work.Root, "empty-calibration")).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "not an image");

        (int code, string output, string error) = _work.Run("--model", _work.TinyModel("tiny"), "--precision", "fp32,int8", "--calibration", empty);

        Assert.True(code == 2, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains($"--calibration '{empty}' holds no image (.jpg, .jpeg, .png, .webp, .bmp, .gif): give a folder of calibration images, or drop --calibration for synthetic inputs", error);
        RunAssert.NothingWritten(_work.Out);
    }

    [Fact]
    public void An_out_folder_that_is_a_file_is_a_usage_error_and_the_file_is_kept()
    {
        string model = _work.TinyModel("tiny");
        byte[] before = File.ReadAllBytes(model);

        (int code, string output, string error) = _work.Run("--model", model, "--out", model);

        Assert.True(code == 2, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains($"--out '{model}' is a file, not a folder", error);
        Assert.Equal(before, File.ReadAllBytes(model));
    }

    [Fact]
    public void Resume_with_profile_is_refused_as_it_would_change_the_recorded_settings()
    {
        Directory.CreateDirectory(_work.Out);

        (int code, string output, string error) = CliRunner.Run("run", "--resume", _work.Out, "--profile");

        Assert.True(code == 2, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains("--resume continues a run with its recorded settings, so --profile cannot be changed", error);
    }

    [Fact]
    public void Resume_with_an_option_that_would_change_the_run_is_refused_before_the_folder_is_touched()
    {
        Directory.CreateDirectory(_work.Out);
        string casesFile = Path.Combine(_work.Out, "results.jsonl");
        File.WriteAllText(casesFile, "{\"id\":\"earlier\"}\n{\"id\":\"half-writ");

        (int code, string output, string error) = CliRunner.Run("run", "--resume", _work.Out, "--batch", "2");

        Assert.True(code == 2, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains("--resume continues a run with its recorded settings, so --batch cannot be changed", error);
        Assert.Equal("{\"id\":\"earlier\"}\n{\"id\":\"half-writ", File.ReadAllText(casesFile));
        Assert.Equal(["results.jsonl"], Directory.GetFileSystemEntries(_work.Out).Select(Path.GetFileName));
    }

    [Fact]
    public void A_truncated_model_file_fails_with_exit_code_1_before_the_run_folder_is_written()
    {
        byte[] whole = File.ReadAllBytes(_work.TinyModel("whole"));
        string model = Path.Combine(_work.Root, "half.onnx");
        File.WriteAllBytes(model, whole[..(whole.Length / 2)]);

        (int code, string output, string error) = _work.Run("--model", model);

        Assert.True(code == 1, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains($"'{model}' is truncated", error);
        Assert.DoesNotContain("internal error", error);
        RunAssert.NothingWritten(_work.Out);
    }

    [Fact]
    public void A_folder_that_already_holds_a_run_is_not_overwritten()
    {
        Directory.CreateDirectory(_work.Out);
        string runFile = Path.Combine(_work.Out, "run.json");
        string casesFile = Path.Combine(_work.Out, "results.jsonl");
        File.WriteAllText(runFile, "{\"schema\":\"effnet-bench/run/1\"}\n");
        File.WriteAllText(casesFile, "{\"id\":\"earlier\"}\n");

        (int code, string output, string error) = _work.Run("--model", _work.TinyModel("tiny"));

        Assert.True(code == 2, $"exit {code}: {error}");
        RunAssert.OneLineError(output, error);
        Assert.Contains("already holds a run", error);
        Assert.Contains("--resume", error);
        Assert.Equal("{\"schema\":\"effnet-bench/run/1\"}\n", File.ReadAllText(runFile));
        Assert.Equal("{\"id\":\"earlier\"}\n", File.ReadAllText(casesFile));
        Assert.Equal(["results.jsonl", "run.json"], Directory.GetFileSystemEntries(_work.Out).Select(Path.GetFileName).Order());
    }
}
