# expect: forbidden_api classic_round_trips
# Lets pickle do the encoding, which the problem forbids.
import base64
import pickle


class Codec:
    def serialize(self, root):
        return base64.b64encode(pickle.dumps(root)).decode()

    def deserialize(self, data):
        return pickle.loads(base64.b64decode(data))
