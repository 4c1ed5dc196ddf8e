using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Core.Providers;

/// <summary>Points the ONNX Runtime managed assembly at another native libonnxruntime (a GPU or OpenVINO build).</summary>
public static class OrtLibrary
{
    public const string EnvironmentVariable = "EFFNET_BENCH_ORT_LIB";

    /// <summary>The name the managed assembly's DllImports use (NativeMethods.NativeLib.DllName in 1.30.0 and 1.31.1).</summary>
    private const string DllImportName = "onnxruntime";

    private static readonly Lock Sync = new();
    private static string? _configuredPath;
    private static IntPtr _handle;

    /// <summary>The full path <see cref="Configure(string?)"/> loaded, or null for the bundled build; passed on to worker processes.</summary>
    public static string? ConfiguredPath
    {
        get
        {
            lock (Sync)
            {
                return _configuredPath;
            }
        }
    }

    /// <summary>
    /// Call before any other ONNX Runtime call. Uses <paramref name="path"/>, else the environment variable; a directory means its
    /// libonnxruntime. Returns the full path used, or null when neither is set (the bundled CPU build is then used).
    /// </summary>
    public static string? Configure(string? path) => Configure(path, Environment.GetEnvironmentVariable(EnvironmentVariable));

    internal static string? Configure(string? path, string? environmentValue)
    {
        string? full = Resolve(path, environmentValue);
        if (full is null)
        {
            return null;
        }

        lock (Sync)
        {
            if (_configuredPath is not null)
            {
                // The resolver can be registered once per process, and the library it returned is already bound.
                return _configuredPath == full
                    ? full
                    : throw new InvalidOperationException($"ONNX Runtime is already configured to load {_configuredPath}; cannot switch to {full} in the same process");
            }

            string? loaded = LoadedLibraries.OnnxRuntime();
            if (loaded is not null && loaded != full)
            {
                throw new InvalidOperationException($"ONNX Runtime was already loaded from {loaded}: --ort-lib / {EnvironmentVariable} must take effect before any ONNX Runtime call");
            }

            // Loading now reports a wrong architecture or a missing dependency here rather than at the first session.
            if (!NativeLibrary.TryLoad(full, out IntPtr handle))
            {
                throw new OrtLibraryException(ErrorKind.Failed, full,
                    $"cannot load ONNX Runtime library {full} (from {Source(path)}): {LoadError(full)}; give the path of a {NativeFileName} for this platform whose dependencies are installed");
            }

            // A file that loads may still be another library, or another ONNX Runtime version than the managed API needs.
            if (OrtNativeApi.Problem(handle) is string problem)
            {
                NativeLibrary.Free(handle);
                throw new OrtLibraryException(ErrorKind.Failed, full,
                    $"ONNX Runtime library {full} (from {Source(path)}) cannot be used: {problem}; give the {NativeFileName} of {OrtNativeApi.Supported}, e.g. from a Microsoft.ML.OnnxRuntime or Microsoft.ML.OnnxRuntime.Gpu.Linux package");
            }

            // Must happen before NativeMethods' static constructor, which would register ORT's own resolver and bind the bundled library.
            OrtEnv.DisableDllImportResolver = true;
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(OrtEnv).Assembly, ResolveImport);
            }
            catch (InvalidOperationException e)
            {
                NativeLibrary.Free(handle);
                throw new InvalidOperationException($"ONNX Runtime's library resolver is already set (ONNX Runtime was used before --ort-lib / {EnvironmentVariable} was applied): cannot load {full}", e);
            }

            _handle = handle;
            _configuredPath = full;
            return full;
        }
    }

    /// <summary>The full path to load, or null when nothing is asked for; throws when the asked-for file is missing.</summary>
    internal static string? Resolve(string? path, string? environmentValue)
    {
        bool fromArgument = !string.IsNullOrWhiteSpace(path);
        string? requested = fromArgument ? path : environmentValue;
        if (string.IsNullOrWhiteSpace(requested))
        {
            return null;
        }

        string source = Source(path);
        string full = Path.GetFullPath(requested.Trim());
        if (Directory.Exists(full))
        {
            full = Path.Combine(full, NativeFileName);
        }

        return File.Exists(full)
            ? full
            : throw new OrtLibraryException(ErrorKind.Usage, full, $"ONNX Runtime library not found: {full} (from {source}); give the path of a {NativeFileName}");
    }

    /// <summary>The library failure behind an exception from the first ONNX Runtime call, as a one-line error; null for any other exception.</summary>
    public static OrtLibraryException? Explain(Exception e) => OrtNativeApi.Explain(e, _configuredPath);

    private static string Source(string? path) => string.IsNullOrWhiteSpace(path) ? EnvironmentVariable : "--ort-lib";

    internal static string NativeFileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so";

    private static IntPtr ResolveImport(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == DllImportName || LoadedLibraries.IsNativeOnnxRuntime(libraryName) ? _handle : IntPtr.Zero;

    /// <summary>The loader's own message (e.g. a missing libcudart), which TryLoad does not give.</summary>
    private static string LoadError(string full)
    {
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(full));
            return "unknown error";
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            // .NET puts generic advice first and the loader's own line (dlerror) last.
            string last = e.Message.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "unknown error";
            return last.StartsWith(full + ": ", StringComparison.Ordinal) ? last[(full.Length + 2)..] : last;
        }
    }
}
