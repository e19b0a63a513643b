// zlib for Transport's COMPRESS=DEFLATE (RFC 4978): raw DEFLATE streams (RFC 1951).
#include <zlib.h>
