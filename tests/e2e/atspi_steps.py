#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# atspi_steps.py: what the end-to-end scripts share: the app's environment, the accessibility
# bus, reading and waiting on the accessibility tree, and running numbered steps as TAP.
#
# A script lists its steps as (description, action) pairs; an action returns a detail line or
# raises StepFailed with the accessible to dump. See facebook.py.

import os
import subprocess
import sys
import tempfile
import time
import traceback

# seconds for every wait; sanitizer builds run several times slower and say so
TIMEOUT = 20.0 * float(os.environ.get("RAADSWERK_TEST_TIMEOUT_SCALE", "1"))
POLL = 0.1              # seconds between two looks at the tree
STABLE_POLLS = 3        # a count must stay the same this many looks in a row

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))

pyatspi = None


class StepFailed(Exception):
    """A step could not be done; context is the accessible to dump, if any."""

    def __init__(self, message, context=None):
        super().__init__(message)
        self.context = context


# Environment and buses

def app_environment(app_path):
    """The environment the app runs in: English, memory settings, accessibility on."""
    env = dict(os.environ)
    build_root = os.path.dirname(os.path.dirname(os.path.abspath(app_path)))
    env.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(build_root, 'data'))
    env.setdefault('RAADSWERK_DATADIR', os.path.join(SOURCE_ROOT, 'data'))
    env['GSETTINGS_BACKEND'] = 'memory'
    env['GDK_BACKEND'] = 'x11'
    env['LC_ALL'] = 'C.UTF-8'
    env.pop('LANGUAGE', None)   # with C.UTF-8, LANGUAGE would still pick a translation
    env.setdefault('GSK_RENDERER', 'cairo')
    # The point of this test is the accessibility tree: never let it be switched off.
    if env.get('GTK_A11Y') not in (None, '', 'atspi'):
        print('# ignoring GTK_A11Y=%s: this test needs AT-SPI' % env['GTK_A11Y'])
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    # Keep the app away from the real home folder.
    home = tempfile.mkdtemp(prefix='raadswerk-e2e-home-')
    for var, sub in (('XDG_CONFIG_HOME', 'config'), ('XDG_DATA_HOME', 'data'),
                     ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')):
        env[var] = os.path.join(home, sub)
        os.makedirs(env[var], exist_ok=True)
    return env, home


def ensure_accessibility_bus(runtime_dir):
    """Makes sure the session bus has an AT-SPI bus; returns its launcher if we started it.

    The bus launcher is started here rather than by D-Bus activation so that the registry
    daemon's chatter goes to stderr instead of into the TAP output. Its address goes into
    AT_SPI_BUS_ADDRESS for this script and the app, so that neither reads the X root window
    property, which other tests sharing the X server may have changed. Its socket goes into
    runtime_dir, not into a folder shared by every bus started for the same X display."""
    from gi.repository import Gio, GLib

    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        raise StepFailed('no session bus: run this under dbus-run-session')
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def call(name, path, interface, method, reply_type):
        return bus.call_sync(name, path, interface, method, None,
                             GLib.VariantType.new(reply_type), Gio.DBusCallFlags.NONE,
                             5000, None).unpack()[0]

    def running():
        return 'org.a11y.Bus' in call('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                      'org.freedesktop.DBus', 'ListNames', '(as)')

    launcher = None
    if not running():
        command = ['/usr/libexec/at-spi-bus-launcher', '--launch-immediately']
        os.makedirs(runtime_dir, mode=0o700, exist_ok=True)
        launcher = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=sys.stderr,
                                    env=dict(os.environ, XDG_RUNTIME_DIR=runtime_dir))
        deadline = time.monotonic() + TIMEOUT
        while not running():
            if launcher.poll() is not None:
                raise StepFailed('%s exited with status %d' % (command[0], launcher.returncode))
            if time.monotonic() > deadline:
                raise StepFailed('the accessibility bus did not come up')
            time.sleep(POLL)
    address = call('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress', '(s)')
    os.environ['AT_SPI_BUS_ADDRESS'] = address
    return launcher


# Reading the accessibility tree

def import_pyatspi():
    global pyatspi
    import pyatspi as module
    pyatspi = module


def safe(fn, default=None):
    """Objects vanish while the app rebuilds its lists: treat them as absent."""
    try:
        return fn()
    except Exception:
        return default


def children(acc):
    count = safe(lambda: acc.childCount, 0) or 0
    for i in range(count):
        child = safe(lambda: acc.getChildAtIndex(i))
        if child is not None:
            yield child


def role(acc):
    return safe(acc.getRole)


def name(acc):
    return safe(lambda: acc.name, '') or ''


def plain(text):
    """A name without mnemonic underscores and with single spaces."""
    return ' '.join(text.replace('_', '').split())


def names_control(acc, wanted):
    """The control's name is what a screen reader says: exactly the words, once.

    (GTK 4.8 names a button whose label is set before use-underline '_Save Save'; the .ui
    files set use-underline first, and this check keeps it that way.)"""
    return ' '.join(name(acc).split()) == wanted


def do_action(acc, index):
    """Runs an AT-SPI action; an app too busy to answer in time has still run it.

    GTK answers the D-Bus call after the action's handler returned; opening a window in a slow
    (sanitizer) build can outlast the call's timeout. The caller waits for the effect anyway.
    """
    try:
        return acc.queryAction().doAction(index)
    except Exception as error:  # GLib.GError from the bus
        if 'Did not receive a reply' in str(error):
            print('# %s: no reply in time, waiting for its effect' % describe(acc))
            return True
        raise


def find_all(root, predicate, prune=None):
    """All descendants of root (root included) for which predicate holds."""
    found = []
    stack = [root]
    while stack:
        acc = stack.pop()
        if safe(lambda: predicate(acc), False):
            found.append(acc)
        if prune is not None and safe(lambda: prune(acc), False):
            continue
        stack.extend(reversed(list(children(acc))))
    return found


def find_one(root, predicate):
    matches = find_all(root, predicate)
    return matches[0] if matches else None


def action_names(acc):
    try:
        action = acc.queryAction()
    except Exception:
        return []
    return [safe(lambda: action.getName(i), '?') for i in range(safe(lambda: action.nActions, 0))]


def describe(acc):
    states = safe(lambda: [pyatspi.stateToString(s) for s in acc.getState().getStates()], [])
    text = '%s %r' % (safe(acc.getRoleName, '?'), name(acc))
    actions = action_names(acc)
    if actions:
        text += ' actions=[%s]' % ', '.join(actions)
    if states:
        text += ' states=[%s]' % ', '.join(states)
    return text


def dump(acc, depth=3, out=sys.stderr, indent=0):
    """Roles, names and actions of acc and its descendants, depth levels deep."""
    print('  ' * indent + describe(acc), file=out)
    if depth > 0:
        for child in children(acc):
            dump(child, depth - 1, out, indent + 1)


APP_PROCESS = None     # the app under test, once started


def wait_for(what, condition, context=None, timeout=TIMEOUT):
    """Polls condition until it returns something true; fails after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if APP_PROCESS is not None and APP_PROCESS.poll() is not None:
            raise StepFailed('the app exited with status %d while waiting for %s'
                             % (APP_PROCESS.returncode, what))
        try:
            result = condition()
        except StepFailed:
            raise
        except Exception:
            result = None   # an object went away while we looked: look again
        if result:
            return result
        if time.monotonic() > deadline:
            raise StepFailed('timed out after %g s waiting for %s' % (timeout, what),
                             context() if callable(context) else context)
        time.sleep(POLL)


def wait_for_stable_count(what, count_fn, accept, context=None):
    """Waits until count_fn() is accepted and unchanged for STABLE_POLLS looks."""
    history = []

    def settled():
        count = count_fn()
        history.append(count)
        recent = history[-STABLE_POLLS:]
        if len(recent) == STABLE_POLLS and len(set(recent)) == 1 and accept(count):
            return (count,)
        return None

    return wait_for(what, settled, context)[0]


# The app

def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        if name(app).lower() == 'raadswerk':
            return app
    return None


def toplevels(app):
    return list(children(app))


def main_window(app):
    for window in toplevels(app):
        if role(window) == pyatspi.ROLE_FRAME and name(window) == 'Raadswerk':
            return window
    return None


def text_of(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def find_control(root, wanted_role, wanted_name):
    """A control of a role (or one of several roles) whose accessible name is wanted_name."""
    roles = wanted_role if isinstance(wanted_role, tuple) else (wanted_role,)
    return find_one(root, lambda a: role(a) in roles and names_control(a, wanted_name))


def start_app(app_path, env, database):
    """Starts the app on database and waits for its window on the accessibility desktop."""
    global APP_PROCESS
    proc = subprocess.Popen([app_path, '--database=' + database], env=env)
    APP_PROCESS = proc

    def appeared():
        app = find_app()
        return app if app is not None and main_window(app) is not None else None

    app = wait_for('an application "raadswerk" with a window "Raadswerk"', appeared,
                   lambda: pyatspi.Registry.getDesktop(0))
    return proc, app


def load_example(app):
    """Activates "Load the Example Organisation" on the first-start page."""
    window = main_window(app)
    button = wait_for('a push button "Load the Example Organisation"',
                      lambda: find_control(window, pyatspi.ROLE_PUSH_BUTTON,
                                           'Load the Example Organisation'),
                      window)
    if not do_action(button, 0):
        raise StepFailed('the button refused its action', button)
    return 'named %r' % name(button)


def run_steps(app_path, steps, on_failure=None):
    """Runs steps, a list of (description, action(env, database)) pairs, and prints TAP.

    Sets up a home folder, the accessibility bus and pyatspi first; stops the app started by
    start_app at the end. on_failure() may print more context to stderr. Returns the exit
    status."""
    print('1..%d' % len(steps))
    sys.stdout.flush()

    env, home = app_environment(app_path)
    database = os.path.join(home, 'raadswerk.db')
    launcher = None
    failed = False
    try:
        launcher = ensure_accessibility_bus(os.path.join(home, 'runtime'))
        env['AT_SPI_BUS_ADDRESS'] = os.environ['AT_SPI_BUS_ADDRESS']
        import_pyatspi()
        for step, (description, action) in enumerate(steps, start=1):
            if failed:
                print('ok %d - %s # SKIP an earlier step failed' % (step, description))
                continue
            started = time.monotonic()
            try:
                detail = action(env, database)
                print('ok %d - %s' % (step, description))
                print('# %s(%.1f s)' % (detail + ' ' if detail else '',
                                        time.monotonic() - started))
            except Exception as error:  # pylint: disable=broad-except
                failed = True
                if not isinstance(error, StepFailed):
                    traceback.print_exc()
                print('not ok %d - %s' % (step, description))
                print('# %s' % error)
                print('not ok %d - %s: %s' % (step, description, error), file=sys.stderr)
                context = getattr(error, 'context', None)
                if context is not None:
                    print('Accessibility tree (3 levels) at the failure:', file=sys.stderr)
                    dump(context, 3)
                if on_failure is not None:
                    safe(on_failure)
            sys.stdout.flush()
    except StepFailed as error:
        # Before any step could start: the buses are missing.
        for number, (description, _) in enumerate(steps, start=1):
            if number == 1:
                print('not ok 1 - %s\n# %s' % (description, error))
            else:
                print('ok %d - %s # SKIP no accessibility bus' % (number, description))
        failed = True
    finally:
        if APP_PROCESS is not None and APP_PROCESS.poll() is None:
            APP_PROCESS.terminate()
            try:
                APP_PROCESS.wait(5)
            except subprocess.TimeoutExpired:
                APP_PROCESS.kill()
                APP_PROCESS.wait()
        if launcher is not None and launcher.poll() is None:
            launcher.terminate()
            launcher.wait()
        import shutil
        shutil.rmtree(home, ignore_errors=True)
    return 1 if failed else 0
