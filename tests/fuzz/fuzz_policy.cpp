// Fuzzes the policy parsers (core/Policy): Policy::fromBytes, as the server reads the stored policy
// and the console its cached copy, and Policy::set, as `vigil-server policy set key=value …` applies
// assignments.
//
// Input: policy JSON bytes, or lines of key=value, or both: the whole input goes to fromBytes, and
// each line with a '=' is then applied with set() to the parsed policy (or to the defaults).

#include "FuzzSupport.h"

#include "Policy.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace vigil;

namespace {

// Anything a Policy holds is valid, and its canonical bytes read back to the same policy.
void checkCanonical(const Policy &policy)
{
    QString error;
    VIGIL_FUZZ_CHECK(policy.validate(&error));
    const QByteArray bytes = policy.toBytes();
    const auto again = Policy::fromBytes(bytes, &error);
    VIGIL_FUZZ_CHECK(again.has_value());
    VIGIL_FUZZ_CHECK(*again == policy);
    VIGIL_FUZZ_CHECK(again->toBytes() == bytes);
}

// A policy read from JSON holds exactly the values that JSON gave for the keys it knows: nothing is
// coerced (1.5 approvals must not silently become 1 or 0).
void checkFaithful(const QJsonObject &input, const Policy &policy)
{
    const QJsonObject canonical = policy.toJson();
    for (auto it = canonical.begin(); it != canonical.end(); ++it) {
        if (!input.contains(it.key()))
            continue;
        if (it.key() != QLatin1String("actions")) {
            VIGIL_FUZZ_CHECK(input.value(it.key()) == it.value());
            continue;
        }
        const QJsonObject inputRules = input.value(it.key()).toObject();
        const QJsonObject rules = it.value().toObject();
        for (auto rule = inputRules.begin(); rule != inputRules.end(); ++rule) {
            const QJsonObject given = rule.value().toObject();
            const QJsonObject held = rules.value(rule.key()).toObject();
            for (auto field = held.begin(); field != held.end(); ++field)
                VIGIL_FUZZ_CHECK(given.value(field.key()) == field.value());
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    QString error;
    const auto parsed = Policy::fromBytes(input, &error);
    if (parsed) {
        checkCanonical(*parsed);
        checkFaithful(QJsonDocument::fromJson(input).object(), *parsed);
    } else {
        VIGIL_FUZZ_CHECK(!error.isEmpty());
    }

    Policy policy = parsed.value_or(Policy());
    const QString text = QString::fromUtf8(input);
    for (const QString &assignment : text.split(QLatin1Char('\n'))) {
        // As ServerCommands splits `policy set` arguments.
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = assignment.left(eq).trimmed();
        const QString value = assignment.mid(eq + 1).trimmed();
        const Policy before = policy;
        error.clear();
        if (policy.set(key, value, &error)) {
            checkCanonical(policy);
            // Applying the same assignment again changes nothing.
            Policy twice = policy;
            VIGIL_FUZZ_CHECK(twice.set(key, value, &error));
            VIGIL_FUZZ_CHECK(twice == policy);
        } else {
            // A refused assignment leaves the policy as it was, and says why.
            VIGIL_FUZZ_CHECK(policy == before);
            VIGIL_FUZZ_CHECK(!error.isEmpty());
        }
    }
    return 0;
}
