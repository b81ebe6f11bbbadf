// The digits of a double's shortest round-trip form, from Google's
// double-conversion (Debian's libdouble-conversion, a C++ library): the
// one C++ file of the library, behind a C function (text.h). Measured
// (issue 15, docs/performance.md): about eight times faster than the
// printf + strtod search it replaces, which made writing the JSON of a
// million people take ~14 s. DoubleToAscii neither allocates nor throws.
#include <double-conversion/double-to-string.h>

// Declared in text.h (a C header).
extern "C" int champ__shortest_digits(double x, char *digits, int *exp10);

int champ__shortest_digits(double x, char *digits, int *exp10)
{
    using double_conversion::DoubleToStringConverter;
    bool negative = false;
    int length = 0, point = 0;
    DoubleToStringConverter::DoubleToAscii(x, DoubleToStringConverter::SHORTEST, 0, digits,
                                           DoubleToStringConverter::kBase10MaximalLength + 1,
                                           &negative, &length, &point);
    *exp10 = point - 1;
    return length;
}
