// MSBuild task (compiled by RoslynCodeTaskFactory): marks one symbol-version requirement of an ELF shared library weak.
//
// TorchSharp 0.107's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (GCC 13's libstdc++) only for one symbol that no
// relocation uses. On hosts with an older libstdc++ (Debian 12: GCC 12) the loader refuses the library. Setting
// VER_FLG_WEAK on that version-need entry lets it load; nothing else changes. The file is rewritten through a temp file
// and a rename, so a hard link into the NuGet cache is never modified.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class MarkVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>The ELF files to patch (copies in an output or publish folder).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version name to mark weak, e.g. GLIBCXX_3.4.32.</summary>
    [Required]
    public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            var bytes = File.ReadAllBytes(path);
            var result = MarkWeak(bytes, VersionName);
            if (result == null)
            {
                Log.LogWarning($"{path}: no ELF version need named {VersionName}; left unchanged.");
                continue;
            }
            if (result == false)
                continue; // already weak
            var temp = path + ".weak.tmp";
            File.WriteAllBytes(temp, bytes);
            File.Delete(path); // unlinks: a hard link into the package cache keeps the original bytes
            File.Move(temp, path);
            Log.LogMessage(MessageImportance.Normal, $"{path}: marked {VersionName} weak.");
        }
        return !Log.HasLoggedErrors;
    }

    /// <returns>true if patched, false if already weak, null if the version need is absent.</returns>
    private static bool? MarkWeak(byte[] elf, string versionName)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");

        var sectionHeaders = (long)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3A);
        int count = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < count; i++)
        {
            var header = (int)(sectionHeaders + i * entrySize);
            if (BitConverter.ToUInt32(elf, header + 4) != ShtGnuVerneed)
                continue;
            var offset = (int)BitConverter.ToUInt64(elf, header + 0x18);
            var link = BitConverter.ToUInt32(elf, header + 0x28);
            var stringsHeader = (int)(sectionHeaders + link * entrySize);
            var strings = (int)BitConverter.ToUInt64(elf, stringsHeader + 0x18);
            return MarkWeakInVerneed(elf, offset, strings, versionName);
        }
        return null;
    }

    private static bool? MarkWeakInVerneed(byte[] elf, int need, int strings, string versionName)
    {
        while (true)
        {
            int auxCount = BitConverter.ToUInt16(elf, need + 2);
            var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
            for (var a = 0; a < auxCount; a++)
            {
                var name = ReadString(elf, strings + (int)BitConverter.ToUInt32(elf, aux + 8));
                if (name == versionName)
                {
                    var flags = BitConverter.ToUInt16(elf, aux + 4);
                    if ((flags & VerFlgWeak) != 0)
                        return false;
                    var patched = BitConverter.GetBytes((ushort)(flags | VerFlgWeak));
                    elf[aux + 4] = patched[0];
                    elf[aux + 5] = patched[1];
                    return true;
                }
                aux += (int)BitConverter.ToUInt32(elf, aux + 12);
            }
            var next = BitConverter.ToUInt32(elf, need + 12);
            if (next == 0)
                return null;
            need += (int)next;
        }
    }

    private static string ReadString(byte[] elf, int start)
    {
        var end = Array.IndexOf(elf, (byte)0, start);
        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}
