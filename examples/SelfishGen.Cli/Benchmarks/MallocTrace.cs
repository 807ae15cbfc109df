using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// glibc's malloc trace (<c>mtrace</c>): every allocation and free of every thread, written to a file while it is on.
/// Since glibc 2.34 it lives in <c>libc_malloc_debug.so.0</c> (Debian's <c>libc6</c> ships it), which must be preloaded
/// (<see cref="PreloadVariable"/>) so that it sees every allocation; its <c>mtrace</c> is a non-default symbol version,
/// so it is looked up with <c>dlvsym</c> (the default one, in libc itself, does nothing).
/// </summary>
public static partial class MallocTrace
{
    /// <summary>The library that traces.</summary>
    public const string Library = "libc_malloc_debug.so.0";

    /// <summary>The environment variable that preloads <see cref="Library"/> into a process.</summary>
    public const string PreloadVariable = "LD_PRELOAD";

    /// <summary>The environment variable naming the file <c>mtrace</c> writes to.</summary>
    public const string FileVariable = "MALLOC_TRACE";

    private const string SymbolVersion = "GLIBC_2.2.5";

    /// <summary>Whether this process was started with <see cref="Library"/> preloaded.</summary>
    public static bool IsPreloaded =>
        OperatingSystem.IsLinux() && (Environment.GetEnvironmentVariable(PreloadVariable) ?? "").Contains(Library, StringComparison.Ordinal);

    /// <summary>Starts tracing into <paramref name="file"/>; needs <see cref="IsPreloaded"/>.</summary>
    public static void Start(string file)
    {
        if (!IsPreloaded)
            throw new InvalidOperationException($"The malloc trace needs {Library} preloaded: start the process with {PreloadVariable}={Library}.");
        if (setenv(FileVariable, file, 1) != 0)
            throw new InvalidOperationException($"Cannot set {FileVariable}.");
        Functions.Value.Start();
    }

    /// <summary>Stops tracing and closes the file.</summary>
    public static void Stop() => Functions.Value.Stop();

    /// <summary>
    /// Runs this command again, the same arguments, in a child process with <see cref="Library"/> preloaded, sharing the
    /// console; returns its exit code. Only from the <c>selfish</c> program itself (not a host that runs it in-process).
    /// </summary>
    public static int RunPreloaded()
    {
        if (Assembly.GetEntryAssembly() != typeof(MallocTrace).Assembly || Environment.ProcessPath is not { } program)
            throw new InvalidOperationException($"Tracing allocations needs {Library} preloaded: start the process with {PreloadVariable}={Library}.");
        var arguments = Environment.GetCommandLineArgs();
        var start = new ProcessStartInfo(program);
        // "dotnet selfish.dll ...": the first argument is the program to run; the apphost "selfish ..." is the program itself
        foreach (var argument in Path.GetFileNameWithoutExtension(program) == "dotnet" ? arguments : arguments[1..])
            start.ArgumentList.Add(argument);
        var preload = Environment.GetEnvironmentVariable(PreloadVariable);
        start.Environment[PreloadVariable] = string.IsNullOrEmpty(preload) ? Library : $"{preload}:{Library}";
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    private static readonly Lazy<(Action Start, Action Stop)> Functions = new(() =>
    {
        var library = NativeLibrary.Load(Library);
        return (Function(library, "mtrace"), Function(library, "muntrace"));
    });

    private static Action Function(IntPtr library, string name)
    {
        var address = dlvsym(library, name, SymbolVersion);
        if (address == IntPtr.Zero)
            throw new EntryPointNotFoundException($"{Library} has no {name}@{SymbolVersion}.");
        return Marshal.GetDelegateForFunctionPointer<Action>(address);
    }

    [LibraryImport("libc", EntryPoint = "dlvsym", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr dlvsym(IntPtr handle, string symbol, string version);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
