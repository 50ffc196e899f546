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
import sys

import atspi_steps as at
from atspi_steps import (StepFailed, action_names, do_action, find_all, find_one, main_window,
                         name, names_control, role, text_of, toplevels, wait_for,
                         wait_for_stable_count)

SEARCH_TEXT = 'voed'
NEW_NAME_PREFIX = 'Wilhelmina Testkamp'


def is_card(acc):
    """A member card: a cell labelled 'Name, Role, Council'."""
    return role(acc) == at.pyatspi.ROLE_TABLE_CELL and len(name(acc).split(', ')) >= 2


def facebook_list(app):
    window = main_window(app)
    return window and find_one(window, lambda a: role(a) == at.pyatspi.ROLE_LIST
                               and name(a) == 'Councils and their members')


def cards(app):
    members = facebook_list(app)
    if members is None:
        return []
    return find_all(members, is_card, prune=lambda a: role(a) == at.pyatspi.ROLE_TABLE_CELL)


def card_names(app):
    return [name(card) for card in cards(app)]


def editor_window(app):
    """The member editor: another window with a "Name" field and a "Save" button."""
    for window in toplevels(app):
        if name(window) == 'Raadswerk' and role(window) == at.pyatspi.ROLE_FRAME:
            continue
        field = name_field(window)
        save = find_one(window, lambda a: role(a) == at.pyatspi.ROLE_PUSH_BUTTON
                        and names_control(a, 'Save'))
        if field is not None and save is not None:
            return window, field, save
    return None


def name_field(window):
    return find_one(window, lambda a: role(a) in (at.pyatspi.ROLE_TEXT, at.pyatspi.ROLE_ENTRY)
                    and names_control(a, 'Name')
                    and a.getState().contains(at.pyatspi.STATE_EDITABLE))


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
        self.proc, self.app = at.start_app(self.app_path, env, database)
        return 'pid %d' % self.proc.pid

    # 2
    def load_example(self, env=None, database=None):
        return at.load_example(self.app)

    # 3
    def count_cards(self):
        self.cards_before = wait_for_stable_count('member cards', lambda: len(cards(self.app)),
                                                  lambda n: n > 0, self.list_context)
        return '%d cards' % self.cards_before

    # 4
    def search(self):
        window = main_window(self.app)
        entry = find_one(window, lambda a: role(a) in (at.pyatspi.ROLE_ENTRY, at.pyatspi.ROLE_TEXT)
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
    run = Run(sys.argv[1])

    def cards_now():
        if run.app is not None:
            print('Member cards now: %s' % (card_names(run.app) or 'none'), file=sys.stderr)

    steps = [
        ('the app appears on the accessibility desktop', run.start),
        ('the "Load the Example Organisation" button is activated', run.load_example),
        ('member cards appear on the face-book', lambda env, db: run.count_cards()),
        ('searching "%s" shows fewer member cards' % SEARCH_TEXT, lambda env, db: run.search()),
        ('activating a member card opens the member editor', lambda env, db: run.open_card()),
        ('the name is changed and saved, and the editor closes',
         lambda env, db: run.rename_and_save()),
        ('the face-book shows a card with the new name', lambda env, db: run.find_new_name()),
    ]
    return at.run_steps(run.app_path, steps, cards_now)


if __name__ == '__main__':
    sys.exit(main())
