using System.Runtime.InteropServices;

namespace EffNetBench.Core.Benchmarking.Isolation;

/// <summary>
/// Test only: makes a case's worker misbehave, so the crash, hang and kill paths can be tested end to end.
/// <c>EFFNET_BENCH_TEST_WORKER_FAULT</c> = abort (a native abort, SIGABRT) | hang | sigkill (as the out-of-memory
/// killer does) | exit3; <c>EFFNET_BENCH_TEST_WORKER_FAULT_CASE</c>, when set, limits it to case ids containing it.
/// Read only by the worker of a case, after ONNX Runtime is loaded.
/// </summary>
internal static class WorkerFault
{
    public const string EnvironmentVariable = "EFFNET_BENCH_TEST_WORKER_FAULT";
    public const string CaseEnvironmentVariable = "EFFNET_BENCH_TEST_WORKER_FAULT_CASE";

    public static void Apply(string caseId)
    {
        string? fault = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(fault))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(CaseEnvironmentVariable) is { Length: > 0 } filter && !caseId.Contains(filter, StringComparison.Ordinal))
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
