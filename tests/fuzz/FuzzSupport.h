#pragma once

// Shared by the fuzz targets in tests/fuzz. Each target defines LLVMFuzzerTestOneInput; it is built
// either with libFuzzer (VIGIL_FUZZ=ON, clang, scripts/fuzz) or with FuzzRegressionMain.cpp, which
// replays the seed corpus as an ordinary test (ctest -L fuzz).

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace vigil::fuzz {

// An invariant failure aborts: libFuzzer keeps the input as a crash reproducer, and the regression
// runner fails. Not assert(): the ci build defines NDEBUG.
[[noreturn]] inline void invariantFailed(const char *condition, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, condition);
    std::abort();
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The input read as raw UTF-16 code units (native byte order, an odd last byte dropped): reaches
// lone surrogates and other text that UTF-8 decoding would have replaced.
inline QString utf16(const uint8_t *data, size_t size)
{
    QString text(static_cast<qsizetype>(size / 2), Qt::Uninitialized);
    for (size_t i = 0; i + 1 < size; i += 2)
        text[static_cast<qsizetype>(i / 2)] = QChar(static_cast<char16_t>(data[i] | (data[i + 1] << 8)));
    return text;
}

} // namespace vigil::fuzz

#define VIGIL_FUZZ_CHECK(condition)                                   \
  do {                                                                \
    if (!(condition))                                                 \
      ::vigil::fuzz::invariantFailed(#condition, __FILE__, __LINE__); \
  } while (false)
