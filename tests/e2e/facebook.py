#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# facebook.py: drives the face-book of the built app through its accessibility tree only.
#
# Usage (inside a session bus and an X server; the X server outside the bus session):
#   xvfb-run -a -s '-screen 0 1280x800x24' \
#     dbus-run-session -- /usr/bin/python3 tests/e2e/facebook.py build/src/raadswerk
#
# Every step is what a screen-reader user can do: find a control by its role and accessible
# name, act on it with an AT-SPI action or by setting its text, and wait (with a deadline)
# until the tree shows the result. Output is TAP; on a failure the relevant part of the
# accessibility tree goes to stderr.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

# seconds for every wait; sanitizer builds run several times slower and say so
TIMEOUT = 20.0 * float(os.environ.get("RAADSWERK_TEST_TIMEOUT_SCALE", "1"))
POLL = 0.1              # seconds between two looks at the tree
STABLE_POLLS = 3        # a count must stay the same this many looks in a row
SEARCH_TEXT = 'voed'
NEW_NAME_PREFIX = 'Wilhelmina Testkamp'

STEPS = [
    'the app appears on the accessibility desktop',
    'the "Load the Example Organisation" button is activated',
    'member cards appear on the face-book',
    'searching "%s" shows fewer member cards' % SEARCH_TEXT,
    'activating a member card opens the member editor',
    'the name is changed and saved, and the editor closes',
    'the face-book shows a card with the new name',
]

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))


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


def is_card(acc):
    """A member card: a cell labelled 'Name, Role, Council'."""
    return role(acc) == pyatspi.ROLE_TABLE_CELL and len(name(acc).split(', ')) >= 2


def facebook_list(app):
    window = main_window(app)
    return window and find_one(window, lambda a: role(a) == pyatspi.ROLE_LIST
                               and name(a) == 'Councils and their members')


def cards(app):
    members = facebook_list(app)
    if members is None:
        return []
    return find_all(members, is_card, prune=lambda a: role(a) == pyatspi.ROLE_TABLE_CELL)


def card_names(app):
    return [name(card) for card in cards(app)]


def editor_window(app):
    """The member editor: another window with a "Name" field and a "Save" button."""
    for window in toplevels(app):
        if name(window) == 'Raadswerk' and role(window) == pyatspi.ROLE_FRAME:
            continue
        field = name_field(window)
        save = find_one(window, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON
                        and names_control(a, 'Save'))
        if field is not None and save is not None:
            return window, field, save
    return None


def name_field(window):
    return find_one(window, lambda a: role(a) in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY)
                    and names_control(a, 'Name')
                    and a.getState().contains(pyatspi.STATE_EDITABLE))


def text_of(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)


class Run:
    """The state shared by the steps."""

    def __init__(self, app_path):
        self.app_path = app_path
        self.proc = None
        self.app = None
        self.cards_before = 0
        self.cards_after_search = 0
        self.card = None
        self.old_name = None
        self.new_name = '%s %d' % (NEW_NAME_PREFIX, os.getpid())
        self.editor = None

    def window_context(self):
        return self.app and main_window(self.app) or self.app

    def list_context(self):
        return self.app and facebook_list(self.app) or self.window_context()

    # 1
    def start(self, env, database):
        global APP_PROCESS
        self.proc = subprocess.Popen([self.app_path, '--database=' + database], env=env)
        APP_PROCESS = self.proc

        def appeared():
            app = find_app()
            return app if app is not None and main_window(app) is not None else None

        self.app = wait_for('an application "raadswerk" with a window "Raadswerk"', appeared,
                            lambda: pyatspi.Registry.getDesktop(0))
        return 'pid %d' % self.proc.pid

    # 2
    def load_example(self):
        window = main_window(self.app)
        button = wait_for('a push button "Load the Example Organisation"',
                          lambda: find_one(window, lambda a:
                                           role(a) == pyatspi.ROLE_PUSH_BUTTON and
                                           names_control(a, 'Load the Example Organisation')),
                          window)
        if not do_action(button, 0):
            raise StepFailed('the button refused its action', button)
        return 'named %r' % name(button)

    # 3
    def count_cards(self):
        self.cards_before = wait_for_stable_count('member cards', lambda: len(cards(self.app)),
                                                  lambda n: n > 0, self.list_context)
        return '%d cards' % self.cards_before

    # 4
    def search(self):
        window = main_window(self.app)
        entry = find_one(window, lambda a: role(a) in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT)
                         and name(a) == 'Search members')
        if entry is None:
            raise StepFailed('no entry named "Search members"', window)
        if not entry.queryEditableText().setTextContents(SEARCH_TEXT):
            raise StepFailed('the search entry refused the text', entry)
        before = self.cards_before
        self.cards_after_search = wait_for_stable_count(
            'fewer than %d cards, but some' % before, lambda: len(cards(self.app)),
            lambda n: 0 < n < before, self.list_context)
        typed = text_of(entry)
        if typed != SEARCH_TEXT:
            raise StepFailed('the search entry says %r, not %r' % (typed, SEARCH_TEXT), entry)
        return '%d of %d cards' % (self.cards_after_search, before)

    # 5
    def open_card(self):
        self.card = cards(self.app)[0]
        self.old_name = name(self.card).split(', ')[0]
        actions = action_names(self.card)
        index = next((i for i, a in enumerate(actions)
                      if re.search(r'(^|[.-])(open|activate|edit)', a)), None)
        if index is None:
            raise StepFailed('the card %r offers no action to open it (its actions: %s); '
                             'a screen-reader user cannot open a member'
                             % (name(self.card), actions or 'none'), self.card)
        if not do_action(self.card, index):
            raise StepFailed('the card refused its action %r' % actions[index], self.card)
        self.editor = wait_for('the member editor (a window with "Name" and "Save")',
                               lambda: editor_window(self.app), self.app)
        window, field, _ = self.editor
        shown = text_of(field)
        if shown != self.old_name:
            raise StepFailed('the editor shows %r, not the member %r' % (shown, self.old_name),
                             window)
        return 'card action %r; window %r for %r' % (actions[index], name(window), shown)

    # 6
    def rename_and_save(self):
        window, field, save = self.editor
        if not field.queryEditableText().setTextContents(self.new_name):
            raise StepFailed('the "Name" field refused the text', field)
        wait_for('the "Name" field to say %r' % self.new_name,
                 lambda: text_of(field) == self.new_name, window)
        if not do_action(save, 0):
            raise StepFailed('the "Save" button refused its action', save)
        wait_for('the editor to close', lambda: editor_window(self.app) is None, self.app)
        return '%r renamed to %r' % (self.old_name, self.new_name)

    # 7
    def find_new_name(self):
        def renamed():
            names = card_names(self.app)
            new = [n for n in names if n.split(', ')[0] == self.new_name]
            old = [n for n in names if n.split(', ')[0] == self.old_name]
            return new[0] if new and not old else None

        label = wait_for('a card named %r and none named %r' % (self.new_name, self.old_name),
                         renamed, self.list_context)
        return 'card %r' % label


def main():
    if len(sys.argv) != 2:
        print('usage: %s BUILD/src/raadswerk' % sys.argv[0], file=sys.stderr)
        return 2
    app_path = sys.argv[1]

    print('1..%d' % len(STEPS))
    sys.stdout.flush()

    env, home = app_environment(app_path)
    database = os.path.join(home, 'raadswerk.db')
    run = Run(app_path)
    launcher = None
    failed = False
    step = 0
    try:
        launcher = ensure_accessibility_bus(os.path.join(home, 'runtime'))
        env['AT_SPI_BUS_ADDRESS'] = os.environ['AT_SPI_BUS_ADDRESS']
        import_pyatspi()
        actions = [
            lambda: run.start(env, database),
            run.load_example,
            run.count_cards,
            run.search,
            run.open_card,
            run.rename_and_save,
            run.find_new_name,
        ]
        for step, (description, action) in enumerate(zip(STEPS, actions), start=1):
            if failed:
                print('ok %d - %s # SKIP an earlier step failed' % (step, description))
                continue
            started = time.monotonic()
            try:
                detail = action()
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
                if run.app is not None:
                    print('Member cards now: %s' % (card_names(run.app) or 'none'),
                          file=sys.stderr)
            sys.stdout.flush()
    except StepFailed as error:
        # Before any step could start: the buses are missing.
        for number, description in enumerate(STEPS, start=1):
            if number == 1:
                print('not ok 1 - %s\n# %s' % (description, error))
            else:
                print('ok %d - %s # SKIP no accessibility bus' % (number, description))
        failed = True
    finally:
        if run.proc is not None and run.proc.poll() is None:
            run.proc.terminate()
            try:
                run.proc.wait(5)
            except subprocess.TimeoutExpired:
                run.proc.kill()
                run.proc.wait()
        if launcher is not None and launcher.poll() is None:
            launcher.terminate()
            launcher.wait()
        shutil.rmtree(home, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
