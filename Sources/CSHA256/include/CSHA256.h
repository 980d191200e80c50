#ifndef CSHA256_H
#define CSHA256_H
#include <stddef.h>
#include <stdint.h>

/* The SHA-256 compression function (FIPS 180-4) over `blocks` whole 64-byte blocks of `data`,
 * updating the eight state words. Uses the CPU's SHA extensions when it has them (x86-64 SHA-NI),
 * else portable C. */
void qy_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/* The same with the portable code only (for tests that check the two paths agree). */
void qy_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

/* 1 when qy_sha256_blocks uses the CPU's SHA extensions. */
int32_t qy_sha256_accelerated(void);

#endif
