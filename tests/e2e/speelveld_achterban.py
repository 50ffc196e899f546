#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# speelveld_achterban.py: the playing field and the constituency pages of the built app,
# driven through the accessibility tree only, as a screen-reader user would.
#
# Usage (inside a session bus and an X server; the X server outside the bus session):
#   xvfb-run -a -s '-screen 0 1280x800x24' \
#     dbus-run-session -- /usr/bin/python3 tests/e2e/speelveld_achterban.py build/src/raadswerk
#
# The map's parties are real widgets: each must be found, by its name, as a control a screen
# reader can reach. A signal is logged with the form alone and found in the list by name.

import os
import sys

import atspi_steps as at
from atspi_steps import (StepFailed, do_action, find_all, find_control, main_window, name,
                         role, text_of, wait_for, wait_for_stable_count)

# Parties of the example's central council, as the map must name them.
PARTIES = ['Raad van bestuur', 'Raad van toezicht', 'Ondernemingsraad', 'Zorgkantoor',
           'Inspectie Gezondheidszorg en Jeugd', 'Gemeente (Wmo)']
THEME = 'Bereikbaarheid %d' % os.getpid()
SIGNAL_TEXT = 'De telefoon van de receptie wordt in het weekend niet opgenomen.'


def view_switch(app, title):
    """The view switcher's button for a page ("Playing Field", "Constituency")."""
    window = main_window(app)
    return find_control(window, (at.pyatspi.ROLE_TOGGLE_BUTTON, at.pyatspi.ROLE_PUSH_BUTTON,
                                 at.pyatspi.ROLE_RADIO_BUTTON, at.pyatspi.ROLE_PAGE_TAB), title)


def showing(acc):
    """Visible (GTK 4.8 does not report "showing")."""
    return acc.getState().contains(at.pyatspi.STATE_VISIBLE)


def party_controls(app):
    """Party tiles on the map: focusable buttons named like a party of the example."""
    window = main_window(app)
    return find_all(window, lambda a: role(a) == at.pyatspi.ROLE_PUSH_BUTTON
                    and name(a) in PARTIES
                    and a.getState().contains(at.pyatspi.STATE_FOCUSABLE) and showing(a))


def entry_named(window, wanted):
    return find_control(window, (at.pyatspi.ROLE_ENTRY, at.pyatspi.ROLE_TEXT), wanted)


class Run:
    """The state shared by the steps."""

    def __init__(self, app_path):
        self.app_path = app_path
        self.proc = None
        self.app = None

    def start(self, env, database):
        self.proc, self.app = at.start_app(self.app_path, env, database)
        return 'pid %d' % self.proc.pid

    def load_example(self, env, database):
        return at.load_example(self.app)

    def switch_to(self, title):
        button = wait_for('a view switcher button %r' % title,
                          lambda: view_switch(self.app, title), lambda: main_window(self.app))
        if not do_action(button, 0):
            raise StepFailed('the %r button refused its action' % title, button)
        return 'named %r' % name(button)

    def find_parties(self, env, database):
        self.switch_to('Playing Field')
        found = wait_for_stable_count(
            'the example parties as controls on the map',
            lambda: len({name(a) for a in party_controls(self.app)}),
            lambda n: n == len(PARTIES), lambda: main_window(self.app))
        return '%d of the example parties found by name' % found

    def log_signal(self, env, database):
        self.switch_to('Constituency')
        window = main_window(self.app)
        button = wait_for('a "Log Signal" button',
                          lambda: find_control(window, at.pyatspi.ROLE_PUSH_BUTTON, 'Log Signal'),
                          window)
        if not do_action(button, 0):
            raise StepFailed('"Log Signal" refused its action', button)
        fields = {}
        for label, text in (('Location', 'Receptie'), ('Theme', THEME),
                            ('What was said', SIGNAL_TEXT)):
            field = wait_for('a field %r' % label,
                             lambda: (lambda f: f if f is not None and showing(f) else None)
                             (entry_named(window, label)), window)
            if not field.queryEditableText().setTextContents(text):
                raise StepFailed('the field %r refused the text' % label, field)
            fields[label] = field
        for label, text in (('Theme', THEME), ('What was said', SIGNAL_TEXT)):
            wait_for('the field %r to say %r' % (label, text),
                     lambda: text_of(fields[label]) == text, window)
        save = wait_for('a "Save Signal" button',
                        lambda: find_control(window, at.pyatspi.ROLE_PUSH_BUTTON, 'Save Signal'),
                        window)
        if not do_action(save, 0):
            raise StepFailed('"Save Signal" refused its action', save)
        return 'theme %r' % THEME

    def find_signal(self, env, database):
        window = main_window(self.app)
        row = wait_for('a signal in the list named after the theme %r' % THEME,
                       lambda: next((a for a in find_all(window, lambda a:
                                                         name(a).startswith(THEME + ':'))
                                     if role(a) != at.pyatspi.ROLE_TEXT), None),
                       window)
        return 'row %r' % name(row)[:80]


def main():
    if len(sys.argv) != 2:
        print('usage: %s BUILD/src/raadswerk' % sys.argv[0], file=sys.stderr)
        return 2
    run = Run(sys.argv[1])
    steps = [
        ('the app appears on the accessibility desktop', run.start),
        ('the "Load the Example Organisation" button is activated', run.load_example),
        ('the playing field shows its parties as named controls', run.find_parties),
        ('a signal is logged with the form', run.log_signal),
        ('the signal appears in the list, named by its theme', run.find_signal),
    ]
    return at.run_steps(run.app_path, steps)


if __name__ == '__main__':
    sys.exit(main())
