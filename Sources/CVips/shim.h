#include <vips/vips.h>

// libvips' operations take their options as NULL-terminated variadic lists, which Swift cannot
// call: each use blogctl makes has a fixed wrapper here.

// Starts libvips once per process; 0 on success.
static inline int blogctl_vips_init(void) { return vips_init("blogctl"); }

// A copy of the image in `buffer` scaled down to `width` pixels wide (never up), the height
// following the aspect ratio; the embedded colour profile is applied.
static inline int blogctl_vips_thumbnail(const void *buffer, size_t length, int width, VipsImage **out) {
    return vips_thumbnail_buffer((void *)buffer, length, out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL);
}

// Encoders with fixed settings and every metadata block stripped (EXIF, XMP, ICC, dates), so
// equal input gives equal bytes.
static inline int blogctl_vips_webp(VipsImage *in, void **buffer, size_t *length, int quality) {
    return vips_webpsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE, NULL);
}
static inline int blogctl_vips_jpeg(VipsImage *in, void **buffer, size_t *length, int quality) {
    return vips_jpegsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, "interlace", TRUE, NULL);
}
static inline int blogctl_vips_png(VipsImage *in, void **buffer, size_t *length) {
    return vips_pngsave_buffer(in, buffer, length, "compression", 9, "strip", TRUE, NULL);
}
