"""A real WordPress on loopback for the publication tests, started and stopped as a CTest
fixture: Debian's `wordpress` package (copied into a temporary folder with its own
wp-config.php), Debian's MariaDB on a Unix socket only (no TCP) with its data in the temporary
folder, and PHP's built-in web server on a free loopback port. MariaDB refuses to run as root,
so when we are root both servers run as an unprivileged system user created here (dswp).
WordPress is installed with its own wp_install() through PHP's command line, with pretty
permalinks, and an application password is made for the posting user.

    wordpress_fixture.py start STATE_DIR   writes STATE_DIR/state.json (url, user, password file)
    wordpress_fixture.py stop STATE_DIR    stops the servers it started and removes the folder
"""
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time

WP_SOURCE = "/usr/share/wordpress"
USER = "dswp"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_user(cmd):
    if os.geteuid() != 0:
        return cmd
    return ["setpriv", f"--reuid={USER}", f"--regid={USER}", "--clear-groups", "--"] + cmd


def ensure_user():
    if os.geteuid() != 0:
        return
    try:
        pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        USER], check=True)


def chown_tree(path):
    if os.geteuid() != 0:
        return
    u = pwd.getpwnam(USER)
    for root, dirs, files in os.walk(path):
        os.chown(root, u.pw_uid, u.pw_gid)
        for f in files:
            os.lchown(os.path.join(root, f), u.pw_uid, u.pw_gid)


def wait_for(what, check, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise SystemExit(f"wordpress fixture: {what} did not come up within {timeout} s")


def start(state_dir):
    if os.path.exists(state_dir):
        stop(state_dir)
    os.makedirs(state_dir)
    os.chmod(state_dir, 0o755)
    ensure_user()
    data = os.path.join(state_dir, "mariadb")
    sock = os.path.join(state_dir, "mysql.sock")
    os.makedirs(data)
    chown_tree(state_dir)
    log = open(os.path.join(state_dir, "fixture.log"), "a")
    install_db = shutil.which("mariadb-install-db") or shutil.which("mysql_install_db")
    subprocess.run(as_user([install_db, "--no-defaults", f"--datadir={data}",
                            "--auth-root-authentication-method=normal", "--skip-test-db"]),
                   check=True, stdout=log, stderr=log)
    mariadbd = subprocess.Popen(as_user([
        shutil.which("mariadbd") or "/usr/sbin/mariadbd", "--no-defaults", f"--datadir={data}",
        f"--socket={sock}", "--skip-networking", f"--pid-file={state_dir}/mariadb.pid",
        "--innodb-buffer-pool-size=16M", "--skip-log-bin"]), stdout=log, stderr=log,
        start_new_session=True)
    state = {"mariadb_pid": mariadbd.pid}
    save(state_dir, state)

    def db_up():
        return subprocess.run(["mariadb-admin", f"--socket={sock}", "-uroot", "ping"],
                              capture_output=True).returncode == 0
    wait_for("MariaDB", db_up)
    subprocess.run(["mariadb", f"--socket={sock}", "-uroot", "-e",
                    "CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp';"
                    " GRANT ALL ON wordpress.* TO 'wp'@'localhost';"], check=True)

    www = os.path.join(state_dir, "www")
    # Debian's tree links into /usr/share/php (getID3 for audio uploads, fonts...) with relative
    # links that break in a copy: each link is replaced by what it points to in the original.
    shutil.copytree(WP_SOURCE, www, symlinks=True,
                    ignore=shutil.ignore_patterns(".htaccess", "wp-config.php"))
    for root, dirs, files in os.walk(www):
        for name in dirs + files:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                continue
            target = os.path.realpath(os.path.join(WP_SOURCE, os.path.relpath(path, www)))
            os.unlink(path)
            if os.path.isdir(target):
                shutil.copytree(target, path)
            elif os.path.exists(target):
                shutil.copy2(target, path)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with open(os.path.join(www, "wp-config.php"), "w") as f:
        f.write(f"""<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:{sock}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '{url}');
define('WP_SITEURL', '{url}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('FS_METHOD', 'direct');
define('WP_HTTP_BLOCK_EXTERNAL', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
""")
    with open(os.path.join(www, "router.php"), "w") as f:
        f.write("""<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = __DIR__ . $path;
if ($path !== '/' && is_file($file)) {
    if (substr($file, -4) !== '.php') return false;
    $_SERVER['SCRIPT_NAME'] = $path;
    require $file;
    return;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require __DIR__ . '/index.php';
""")
    os.makedirs(os.path.join(www, "wp-content", "uploads"), exist_ok=True)
    installer = os.path.join(state_dir, "install.php")
    with open(installer, "w") as f:
        f.write(f"""<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:{port}';
$_SERVER['REQUEST_URI'] = '/';
require '{www}/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install('Humas Pemkab Sintang', 'humas', 'humas@contoh.id', true, '', 'Rahasia-Uji-123!', 'id_ID');
update_option('permalink_structure', '/%postname%/');
$user = get_user_by('login', 'humas');
list($password, $item) = WP_Application_Passwords::create_new_application_password($user->ID, array('name' => 'dialogstudio'));
echo json_encode(array('user' => 'humas', 'password' => $password));
""")
    chown_tree(state_dir)
    out = subprocess.run(as_user(["php", installer]), check=True, capture_output=True,
                         text=True, cwd=www).stdout
    creds = json.loads(out[out.index("{"):])
    secret = os.path.join(state_dir, "app-password")
    with open(secret, "w") as f:
        f.write(creds["password"] + "\n")
    os.chmod(secret, 0o600)
    php = subprocess.Popen(as_user(["php", "-S", f"127.0.0.1:{port}", "-t", www,
                                    os.path.join(www, "router.php")]),
                           stdout=log, stderr=log, cwd=www, start_new_session=True)
    state.update({"php_pid": php.pid, "url": url, "user": creds["user"],
                  "password_file": secret, "socket": sock})
    save(state_dir, state)

    def web_up():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            return False
    wait_for("PHP's web server", web_up)
    print(json.dumps(state))


def save(state_dir, state):
    with open(os.path.join(state_dir, "state.json"), "w") as f:
        json.dump(state, f)


def stop(state_dir):
    path = os.path.join(state_dir, "state.json")
    if os.path.exists(path):
        with open(path) as f:
            state = json.load(f)
        for key in ("php_pid", "mariadb_pid"):
            pid = state.get(key)
            if not pid:
                continue
            try:
                os.killpg(pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
            for _ in range(120):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.25)
            else:
                try:
                    os.killpg(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
    shutil.rmtree(state_dir, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("start", "stop"):
        sys.exit("usage: wordpress_fixture.py start|stop STATE_DIR")
    (start if sys.argv[1] == "start" else stop)(os.path.abspath(sys.argv[2]))
