// libcrypto's SHA-256 uses the CPU's SHA extensions where present; HMAC signs DNS updates.
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
