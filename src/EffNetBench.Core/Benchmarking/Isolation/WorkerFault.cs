using System.Runtime.InteropServices;

namespace EffNetBench.Core.Benchmarking.Isolation;

/// <summary>
/// Test only: makes a case's worker misbehave, so the crash, hang and kill paths can be tested end to end.
/// <c>EFFNET_BENCH_TEST_WORKER_FAULT</c> = abort (a native abort, SIGABRT) | hang | sigkill (as the out-of-memory
/// killer does) | exit3; <c>EFFNET_BENCH_TEST_WORKER_FAULT_CASE</c>, when set, limits it to case ids containing it.
/// A list such as <c>crashy=abort,stuck=hang</c> gives each case id containing a key its own fault.
/// Read only by the worker of a case, after ONNX Runtime is loaded.
/// </summary>
internal static class WorkerFault
{
    public const string EnvironmentVariable = "EFFNET_BENCH_TEST_WORKER_FAULT";
    public const string CaseEnvironmentVariable = "EFFNET_BENCH_TEST_WORKER_FAULT_CASE";

    public static void Apply(string caseId)
    {
        if (For(caseId, Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.GetEnvironmentVariable(CaseEnvironmentVariable)) is not string fault)
        {
            return;
        }

        Console.Error.WriteLine($"test fault: {fault} in case {caseId}");
        Console.Error.Flush();
        switch (fault)
        {
            case "abort":
                if (OperatingSystem.IsWindows())
                {
                    Environment.FailFast("test fault: abort");
                }

                Marshal.GetDelegateForFunctionPointer<AbortFunction>(LibcExport("abort"))();
                break;
            case "hang":
                Thread.Sleep(Timeout.Infinite);
                break;
            case "sigkill":
                if (OperatingSystem.IsWindows())
                {
                    System.Diagnostics.Process.GetCurrentProcess().Kill();
                }

                _ = Marshal.GetDelegateForFunctionPointer<KillFunction>(LibcExport("kill"))(Environment.ProcessId, 9);
                Thread.Sleep(Timeout.Infinite);
                break;
            case "exit3":
                Environment.Exit(3);
                break;
            default:
                throw new InvalidOperationException($"{EnvironmentVariable}={fault} is not a fault: use abort, hang, sigkill or exit3");
        }
    }

    /// <summary>The fault for <paramref name="caseId"/>: <paramref name="value"/> is one fault (for the case ids containing
    /// <paramref name="filter"/> when given) or a comma-separated list of ID-PART=FAULT.</summary>
    internal static string? For(string caseId, string? value, string? filter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Contains('=', StringComparison.Ordinal))
        {
            return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pair => pair.Split('=', 2))
                .FirstOrDefault(pair => caseId.Contains(pair[0], StringComparison.Ordinal))?[1];
        }

        return string.IsNullOrEmpty(filter) || caseId.Contains(filter, StringComparison.Ordinal) ? value.Trim() : null;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void AbortFunction();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int KillFunction(int pid, int signal);

    private static IntPtr LibcExport(string name)
    {
        string library = OperatingSystem.IsMacOS() ? "/usr/lib/libSystem.B.dylib" : "libc.so.6";
        return NativeLibrary.GetExport(NativeLibrary.Load(library), name);
    }
}
