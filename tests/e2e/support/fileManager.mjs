// A stand-in for the desktop's file manager on the test's session bus: it
// answers org.freedesktop.FileManager1.ShowItems, as Files or Dolphin do,
// and remembers what it was asked to show.
import dbus from 'dbus-next';

const NAME = 'org.freedesktop.FileManager1';
const OBJECT_PATH = '/org/freedesktop/FileManager1';

class FileManager1 extends dbus.interface.Interface {
  constructor() {
    super(NAME);
    this.shown = [];
  }

  ShowItems(uris) {
    this.shown.push(...uris);
  }

  ShowFolders(uris) {
    this.shown.push(...uris);
  }
}

FileManager1.configureMembers({
  methods: {
    ShowItems: { inSignature: 'ass', outSignature: '' },
    ShowFolders: { inSignature: 'ass', outSignature: '' },
  },
});

/** Starts the stand-in; `stop()` releases the name. */
export async function startFileManager() {
  const bus = dbus.sessionBus();
  const manager = new FileManager1();
  bus.export(OBJECT_PATH, manager);
  const reply = await bus.requestName(NAME, dbus.NameFlag.DO_NOT_QUEUE);
  if (reply !== dbus.RequestNameReply.PRIMARY_OWNER) {
    bus.disconnect();
    throw new Error(`another program already owns ${NAME} on this session bus`);
  }
  return {
    shown: () => [...manager.shown],
    stop: () => bus.disconnect(),
  };
}
