// The two halves of "the previous output is what this build would write".
#pragma once

#include <string>

#include "incremental/inputs.h"
#include "incremental/manifest.h"

namespace gk {

// True when the same input files exist as were recorded, each with the same
// bytes. Only files whose stamp changed are read; their hashes go into
// `hashed` so that the build that may follow does not read them twice.
bool inputs_unchanged(const InputFiles& now, const InputRecords& recorded, InputRecords& hashed);

// True when the file at `path` is as `record` says (same size, mtime and
// inode): nobody changed it since it was recorded.
bool output_file_as_recorded(const std::string& path, const OutputRecord& record);

// True when `out_dir` has every folder of the recorded files, each with its
// recorded mtime and inode (so none had an entry added, removed or renamed
// since: folders are not listed), and its top level (listed: its mtime
// changed when the manifest was written) holds nothing but recorded files,
// folders and the manifest. The files themselves are not checked.
bool folders_as_recorded(const std::string& out_dir, const OutputRecords& recorded, const FolderRecords& folders,
                         unsigned jobs = 1);

// True when `out_dir` holds exactly the recorded files (besides the
// manifest), none touched since (same size, mtime and inode), and no other
// file or folder (folders_as_recorded, and every file as recorded).
bool output_as_recorded(const std::string& out_dir, const OutputRecords& recorded, const FolderRecords& folders,
                        unsigned jobs = 1);

}  // namespace gk
