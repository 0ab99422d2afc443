/*
 * --summary-tree's bytes and endpoints (tests/integration/it_summary.c): data moved in
 * amounts known exactly, through files, an iovec, a descriptor a child inherited, a TCP
 * connection over loopback and a connect that is refused; a file left open at exit; and
 * two writers killed by SIGPIPE, stating the reader that let go of their pipe.
 *   tp_story_io DIR     (DIR: an absolute directory to write in)
 * Prints to stdout, one per line, "PID<TAB>TEXT": TEXT must be in that process's block
 * of the tree.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static char buf[1000];

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static int open_in(const char *dir, const char *name, int flags)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	int fd = open(path, flags | O_CLOEXEC, 0644);
	if (fd < 0)
		die(path);
	return fd;
}

/* 1000 bytes written in three calls, read back in two (and an end of file). */
static void files(const char *dir)
{
	int fd = open_in(dir, "out.bin", O_WRONLY | O_CREAT | O_TRUNC);

	if (write(fd, buf, 400) != 400 || write(fd, buf, 400) != 400 || write(fd, buf, 200) != 200)
		die("write");
	close(fd);
	fd = open_in(dir, "out.bin", O_RDONLY);
	if (read(fd, buf, 600) != 600 || read(fd, buf, 1000) != 400 || read(fd, buf, 1) != 0)
		die("read");
	close(fd);
	printf("%d\tout.bin 2 (read 1000 B, wrote 1000 B)\n", (int)getpid());

	struct iovec iov[2] = {{buf, 100}, {buf, 28}};
	fd = open_in(dir, "vec.bin", O_WRONLY | O_CREAT | O_TRUNC);
	if (writev(fd, iov, 2) != 128)
		die("writev");
	close(fd);
	printf("%d\tvec.bin (wrote 128 B)\n", (int)getpid());
}

/* A child writes 10 bytes to a file its parent opened: the kernel's path, inherited. */
static void inherited(const char *dir)
{
	int fd = open_in(dir, "inh.bin", O_WRONLY | O_CREAT | O_TRUNC);
	fflush(stdout);
	pid_t pid = fork();

	if (pid == 0) {
		if (write(fd, buf, 10) != 10)
			_exit(1);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, NULL, 0) != pid)
		die("fork");
	close(fd);
	printf("%d\t/inh.bin (inherited, wrote 10 B)\n", (int)pid);
}

static unsigned short port_of(int fd)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);

	if (getsockname(fd, (struct sockaddr *)&a, &len) < 0)
		die("getsockname");
	return ntohs(a.sin_port);
}

static int tcp_socket(struct sockaddr_in *a)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	*a = (struct sockaddr_in){.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	if (fd < 0 || bind(fd, (struct sockaddr *)a, sizeof(*a)) < 0)
		die("socket");
	a->sin_port = htons(port_of(fd));
	return fd;
}

/* 5 bytes one way over loopback; a connect to a bound socket that does not listen. */
static void network(void)
{
	struct sockaddr_in la, na;
	int l = tcp_socket(&la), c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), a;

	if (listen(l, 1) < 0 || c < 0 || connect(c, (struct sockaddr *)&la, sizeof(la)) < 0)
		die("connect");
	if ((a = accept(l, NULL, NULL)) < 0 || send(c, "hello", 5, 0) != 5 ||
	    recv(a, buf, sizeof(buf), 0) != 5)
		die("accept");
	unsigned lp = ntohs(la.sin_port), cp = port_of(c);
	printf("%d\tTCP 127.0.0.1:%u (no peer)\n", (int)getpid(), lp);
	printf("%d\tTCP 127.0.0.1:%u -> 127.0.0.1:%u (sent 5 B, received 0 B)\n", (int)getpid(), cp,
	       lp);
	printf("%d\tTCP 127.0.0.1:%u -> 127.0.0.1:%u (sent 0 B, received 5 B)\n", (int)getpid(), lp,
	       cp);

	int n = tcp_socket(&na), r = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (r < 0 || connect(r, (struct sockaddr *)&na, sizeof(na)) == 0 || errno != ECONNREFUSED)
		die("refused connect");
	printf("%d\tconnect 127.0.0.1:%u ECONNREFUSED\n", (int)getpid(), ntohs(na.sin_port));
	close(r);
	close(n);
	close(a);
	close(c);
	close(l);
}

static pid_t fork_or_die(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	return pid;
}

/*
 * A writer killed by SIGPIPE, after the pipe's only reader let go of it: by closing
 * the descriptor it read through (closed), or by ending with it open.  The reader ends
 * before the writer starts, so the pipe has no reader when it writes.
 */
static void broken_pipe(bool closed)
{
	int p[2];
	char c;

	/*
	 * The byte the reader reads is in the pipe before the reader exists: a reader that
	 * ends without reading may be gone before a later write, which would kill this
	 * process with SIGPIPE instead of the writer (seen once under -m32).
	 */
	if (pipe(p) < 0 || write(p[1], "x", 1) != 1)
		die("pipe");
	pid_t reader = fork_or_die();
	if (reader == 0) {
		close(p[1]);
		if (closed && (read(p[0], &c, 1) != 1 || close(p[0]) < 0))
			_exit(1);
		_exit(0);
	}
	close(p[0]);
	if (waitpid(reader, NULL, 0) != reader)
		die("reader");
	pid_t writer = fork_or_die();
	if (writer == 0) {
		signal(SIGPIPE, SIG_DFL);
		ssize_t n = write(p[1], "y", 1);
		fprintf(stderr, "tp_story_io: write to a pipe with no reader returned %zd\n", n);
		_exit(1);
	}
	close(p[1]);
	int status;
	if (waitpid(writer, &status, 0) != writer || !WIFSIGNALED(status) ||
	    WTERMSIG(status) != SIGPIPE)
		die("writer");
	printf("%d\tkilled by SIGPIPE, likely as its pipe lost its reader %d at +\n", (int)writer,
	       (int)reader);
}

int main(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] != '/') {
		fprintf(stderr, "usage: tp_story_io ABSOLUTE_DIR\n");
		return 2;
	}
	memset(buf, 'x', sizeof(buf));
	files(argv[1]);
	inherited(argv[1]);
	network();
	broken_pipe(true);
	broken_pipe(false);
	/* Left open at the end: the kernel closes it after the exit ptrc sees. */
	char kept[4096];
	int fd = open_in(argv[1], "kept.log", O_WRONLY | O_CREAT | O_TRUNC);
	snprintf(kept, sizeof(kept), "%s/kept.log", argv[1]);
	printf("%d\tleft open: %s (fd %d)\n", (int)getpid(), kept, fd);
	return 0;
}
