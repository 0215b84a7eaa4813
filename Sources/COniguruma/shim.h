#include <oniguruma.h>

// The syntax and encoding are C globals behind macros, which Swift cannot import as values.
static inline OnigSyntaxType *blogctl_onig_syntax_perl_ng(void) { return ONIG_SYNTAX_PERL_NG; }
static inline OnigEncoding blogctl_onig_encoding_utf8(void) { return ONIG_ENCODING_UTF8; }
// onig_error_code_to_str is variadic, which Swift cannot call.
static inline int blogctl_onig_error_message(OnigUChar *buffer, int code, OnigErrorInfo *info) {
    return onig_error_code_to_str(buffer, code, info);
}
