using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Core.Providers;

/// <summary>
/// Checks a loaded native library the way ONNX Runtime's managed assembly will use it (OrtGetApiBase, then GetApi of
/// its API version), before the managed assembly does: its own failure is a TypeInitializationException at the first
/// OrtEnv use, or a crash.
/// </summary>
internal static class OrtNativeApi
{
    private const string EntryPoint = "OrtGetApiBase";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GetApiBase();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GetApi(uint version);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GetVersionString();

    /// <summary>The managed assembly's version (1.30 for 1.30.0); its ORT_API_VERSION is the minor number, so it is
    /// the oldest native ONNX Runtime the tool can load.</summary>
    public static Version ManagedVersion { get; } = typeof(OrtEnv).Assembly.GetName().Version ?? new Version(0, 0);

    /// <summary>The version of the native library the tool ships (the Microsoft.ML.OnnxRuntime package, e.g. "1.31.1").</summary>
    public static string BundledVersion { get; } =
        typeof(OrtNativeApi).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BundledOnnxRuntime")?.Value ?? "unknown";

    /// <summary>The versions --ort-lib accepts, for messages: "1.30 or newer (the bundled library is 1.31.1)".</summary>
    public static string Supported => $"ONNX Runtime {ManagedVersion.ToString(2)} or newer (the bundled library is {BundledVersion})";

    /// <summary>Null when the library is an ONNX Runtime the managed assembly can use; else what is wrong with it.</summary>
    public static string? Problem(IntPtr library)
    {
        string managed = ManagedVersion.ToString(2);
        if (!NativeLibrary.TryGetExport(library, EntryPoint, out IntPtr getApiBase))
        {
            return $"the file is not an ONNX Runtime library (it has no {EntryPoint})";
        }

        IntPtr apiBase = Marshal.GetDelegateForFunctionPointer<GetApiBase>(getApiBase)();
        if (apiBase == IntPtr.Zero)
        {
            return $"the library's {EntryPoint} returned nothing, so it is not a usable ONNX Runtime";
        }

        // struct OrtApiBase { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }
        IntPtr versionText = Marshal.GetDelegateForFunctionPointer<GetVersionString>(Marshal.ReadIntPtr(apiBase, IntPtr.Size))();
        string native = Marshal.PtrToStringUTF8(versionText) ?? "unknown";
        if (!Version.TryParse(native, out Version? nativeVersion))
        {
            return $"the library reports version '{native}', which is not an ONNX Runtime version";
        }

        // Asked for an API version it lacks, ONNX Runtime prints to stderr and returns null: compare versions first.
        if (nativeVersion.Major != ManagedVersion.Major || nativeVersion.Minor < ManagedVersion.Minor)
        {
            return $"it is ONNX Runtime {native}, and this tool's managed API {managed} needs a native library of version {managed} or newer (a {ManagedVersion.Major}.x release)";
        }

        uint apiVersion = (uint)ManagedVersion.Minor;
        IntPtr api = Marshal.GetDelegateForFunctionPointer<GetApi>(Marshal.ReadIntPtr(apiBase))(apiVersion);
        return api == IntPtr.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"ONNX Runtime {native} does not provide API version {apiVersion}, which this tool's managed API {managed} needs")
            : null;
    }

    /// <summary>
    /// The library failure behind an exception from the first ONNX Runtime call (the managed assembly's type
    /// initializer failing, a missing entry point), as a one-line error; null for any other exception.
    /// </summary>
    public static OrtLibraryException? Explain(Exception e, string? configuredPath)
    {
        Assembly ort = typeof(OrtEnv).Assembly;
        bool fromOrt = e is TypeInitializationException { TypeName: string type } && type.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal)
            || e is DllNotFoundException or EntryPointNotFoundException && e.TargetSite?.DeclaringType?.Assembly == ort;
        if (!fromOrt)
        {
            return null;
        }

        Exception cause = e.InnerException ?? e;
        string library = configuredPath ?? "the bundled libonnxruntime";
        return new OrtLibraryException(ErrorKind.Failed, configuredPath ?? string.Empty,
            $"ONNX Runtime library {library} cannot be used ({cause.GetType().Name}: {FirstLine(cause.Message)}): give --ort-lib the libonnxruntime of {Supported}, or reinstall the tool", e);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('\r', '.');
}
