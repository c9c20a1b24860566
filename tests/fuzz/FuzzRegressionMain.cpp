// Replays fuzz inputs without libFuzzer: every file named on the command line, and every file under
// every directory named there, goes once through LLVMFuzzerTestOneInput. This is how the seed
// corpora in tests/fuzz/corpus run as regression tests in the normal (gcc) build.

#include "FuzzSupport.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const fs::path path(argv[i]);
        if (fs::is_directory(path)) {
            for (const auto &entry : fs::recursive_directory_iterator(path))
                if (entry.is_regular_file())
                    inputs.push_back(entry.path());
        } else {
            inputs.push_back(path);
        }
    }
    std::sort(inputs.begin(), inputs.end());
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: %s FILE|DIRECTORY… (no inputs found)\n", argv[0]);
        return 2;
    }
    for (const auto &path : inputs) {
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "cannot read %s\n", path.c_str());
            return 2;
        }
        const std::vector<char> content{std::istreambuf_iterator<char>(file),
                                        std::istreambuf_iterator<char>()};
        // A heap copy of exactly the input's size, so that sanitizer builds catch reads past its end.
        const size_t size = content.size();
        const auto data = std::make_unique<uint8_t[]>(std::max<size_t>(size, 1));
        std::copy(content.begin(), content.end(), data.get());
        std::fprintf(stderr, "input %s (%zu bytes)\n", path.c_str(), size);
        LLVMFuzzerTestOneInput(data.get(), size);
    }
    std::fprintf(stderr, "%zu inputs passed\n", inputs.size());
    return 0;
}
