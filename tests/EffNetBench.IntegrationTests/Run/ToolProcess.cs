using System.Diagnostics;
using System.Text;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>effnet-bench as a separate process: the tool's dll is copied next to the tests by the project reference.</summary>
internal sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ToolProcess(Process process) => _process = process;

    public static string ToolPath => Path.Combine(AppContext.BaseDirectory, "effnet-bench.dll");

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the process wrote so far, for failure messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_output)
            {
                lock (_error)
                {
                    return $"stdout:\n{_output}\nstderr:\n{_error}";
                }
            }
        }
    }

    public static ToolProcess Start(params string[] args) => Start(new Dictionary<string, string?>(), args);

    /// <summary>Starts the tool with <paramref name="environment"/> added to (or, for a null value, removed from) this process's.</summary>
    public static ToolProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        Assert.True(File.Exists(ToolPath), $"{ToolPath} is missing: the test project must reference the tool project");
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach ((string name, string? value) in environment)
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(ToolPath);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var tool = new ToolProcess(process);
        process.OutputDataReceived += (_, e) => Append(tool._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(tool._error, e.Data);
        Assert.True(process.Start(), "the tool did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does (Unix only).</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to end on its own, then for the last of its output: a timed wait returns at exit,
    /// possibly before the asynchronous readers have seen the final lines (the untimed wait drains them).</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit();
        return true;
    }

    /// <summary>Ends the process and everything it started, and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(30)), "the tool did not end after being killed");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }

        _process.Dispose();
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is string self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }
}
