using System.Diagnostics;
using System.Globalization;

namespace EffNetBench.Core.Benchmarking.Isolation;

/// <summary>How a worker process ended: its exit code, whether it was killed for running past its timeout, and the
/// last lines of its standard error.</summary>
public sealed record WorkerExit(int ExitCode, bool TimedOut, TimeSpan Timeout, IReadOnlyList<string> StderrTail)
{
    public const int TailLines = 10;

    /// <summary>One line on how it ended: "timed out after N s", a signal by name, or the exit code.</summary>
    public string Describe()
    {
        if (TimedOut)
        {
            return string.Create(CultureInfo.InvariantCulture, $"timed out after {Timeout.TotalSeconds:0.#} s (the worker was killed)");
        }

        // On Unix .NET reports a child killed by signal N as exit code 128 + N.
        return !OperatingSystem.IsWindows() && SignalName(ExitCode - 128) is string signal
            ? string.Create(CultureInfo.InvariantCulture, $"worker killed by {signal} (exit code {ExitCode}){(signal == "SIGKILL" ? "; out of memory?" : "")}")
            : string.Create(CultureInfo.InvariantCulture, $"worker exited with code {ExitCode} without a result");
    }

    /// <summary>The reason recorded for the case: <see cref="Describe"/> and the last lines of standard error.</summary>
    public string Reason() =>
        StderrTail.Count == 0 ? Describe() : $"{Describe()}; last lines of its stderr:\n{string.Join('\n', StderrTail)}";

    internal static string? SignalName(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        > 0 and < 32 => string.Create(CultureInfo.InvariantCulture, $"signal {signal}"),
        _ => null,
    };
}

/// <summary>Starts a worker, forwards its standard output, keeps the tail of its standard error, and kills its whole
/// process tree when it runs past the timeout.</summary>
internal static class WorkerProcess
{
    public static WorkerExit Run(WorkerLauncher launcher, IEnumerable<string> arguments, TimeSpan timeout, TextWriter? stdout)
    {
        var info = new ProcessStartInfo(launcher.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (string arg in launcher.Prefix.Concat(arguments))
        {
            info.ArgumentList.Add(arg);
        }

        var tail = new Queue<string>();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && stdout is not null)
            {
                lock (stdout)
                {
                    stdout.WriteLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(e.Data);
                if (tail.Count > WorkerExit.TailLines)
                {
                    tail.Dequeue();
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the wait and the kill.
            }
        }

        process.WaitForExit(); // the untimed wait also drains the redirected output
        lock (tail)
        {
            return new WorkerExit(process.ExitCode, timedOut, timeout, [.. tail]);
        }
    }
}
