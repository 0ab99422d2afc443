/* -yy socket descriptions from recorded /proc/net tables. */
#include <criterion/criterion.h>

#include "fd/procnet.h"

/* Recorded from this machine's /proc/net/tcp and tcp6 (little-endian x86_64). */
static const char tcp[] =
	"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
	"timeout inode\n"
	"   0: 0100007F:C35D 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        "
	"0 119700 1 0000000000000000 100 0 0 10 0\n"
	"   1: 0100007F:A24E 0100007F:C35D 01 00000000:00000000 00:00000000 00000000     0        "
	"0 119701 1 0000000000000000 20 4 30 10 -1\n";

static const char tcp6[] =
	"  sl  local_address                         remote_address                        st "
	"tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
	"   0: 00000000000000000000000001000000:8B2D 00000000000000000000000000000000:0000 0A "
	"00000000:00000000 00:00000000 00000000     0        0 121692 1 0000000000000000 100 0 0 "
	"10 0\n";

Test(procnet, listening_ipv4)
{
	char out[128];

	cr_assert(procnet_describe(tcp, 119700, "TCP", false, out, sizeof(out)));
	cr_assert_str_eq(out, "TCP:[127.0.0.1:50013]");
}

Test(procnet, connected_ipv4)
{
	char out[128];

	cr_assert(procnet_describe(tcp, 119701, "TCP", false, out, sizeof(out)));
	cr_assert_str_eq(out, "TCP:[127.0.0.1:41550->127.0.0.1:50013]");
}

Test(procnet, ipv6_loopback)
{
	char out[128];

	cr_assert(procnet_describe(tcp6, 121692, "TCP", true, out, sizeof(out)));
	cr_assert_str_eq(out, "TCPv6:[[::1]:35629]");
}

Test(procnet, unknown_inode)
{
	char out[128] = "untouched";

	cr_assert_not(procnet_describe(tcp, 42, "TCP", false, out, sizeof(out)));
	cr_assert_str_eq(out, "untouched");
}

Test(procnet, header_only)
{
	char out[128];

	cr_assert_not(procnet_describe("  sl  local_address\n", 1, "UDP", false, out, sizeof(out)));
}
